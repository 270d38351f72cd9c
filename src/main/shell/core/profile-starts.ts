import { DEMO_PROFILE_ID } from '../../../shared/profiles/profile-fields';
import type { ProfileStart } from '../../core/runtime/core-link';
import type { SettingsStore } from '../settings/settings-store';

/** What the core runs when no profile is configured: the project's demo backend, in its own process. */
export const DEMO_START: ProfileStart = { id: DEMO_PROFILE_ID, name: null, color: null, notify: null, backendUrl: null, token: null };

/**
 * The profiles as the core starts them, tokens decrypted (they cross to the core in memory only).
 * Never empty: with none configured the demo backend is the one profile.
 */
export async function profileStarts(store: Pick<SettingsStore, 'profiles' | 'getToken'>): Promise<ProfileStart[]> {
  const profiles = store.profiles;
  if (profiles.length === 0) return [{ ...DEMO_START }];
  return Promise.all(
    profiles.map(async (p) => ({ id: p.id, name: p.name, color: p.color, notify: p.notify, backendUrl: p.backendUrl, token: await store.getToken(p.id) })),
  );
}

/**
 * A cache from before profiles belongs to the first profile: after the settings migration that is
 * the one backend it was synced from, or the demo when there was none.
 */
export const legacyCacheOwner = (starts: readonly ProfileStart[]): string => starts[0]?.id ?? DEMO_PROFILE_ID;

/**
 * Hands the core each new list, in the order the changes were made: each list is read only after
 * the one before it was sent, so a slow decrypt cannot deliver an older list last.
 */
export function followProfiles(build: () => Promise<ProfileStart[]>, send: (profiles: ProfileStart[]) => void, log: (line: string) => void): () => void {
  let queue = Promise.resolve();
  return () => {
    queue = queue
      .then(async () => send(await build()))
      .catch((error: Error) => log(`the profiles could not be handed to the core: ${error.message}`));
  };
}
