import type { z } from 'zod';
import { checkBackendUrl } from '../../../shared/backend-url';
import { DEMO_PROFILE_ID, freeId, nameClash, ProfileColor, ProfileName, ProfileNotify, slugOf } from '../../../shared/profiles/profile-fields';
import type { StoredProfile } from './settings-schema';

/** A change to the profile list that cannot be made, in words for Settings; nothing was written. */
export class ProfileSettingsError extends Error {}

/** A profile as the rest of main sees it: its token stays inside the settings store. */
export type ProfileEntry = Omit<StoredProfile, 'encryptedToken'>;

export interface NewProfileFields {
  name?: string | null;
  backendUrl: string;
  color?: string | null;
}

export interface ProfileChange {
  id: string;
  name?: string | null;
  backendUrl?: string;
  color?: string | null;
  notify?: StoredProfile['notify'];
}

export const profileEntry = ({ encryptedToken: _cipher, ...entry }: StoredProfile): ProfileEntry => entry;

function parseOrSay<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ProfileSettingsError(parsed.error.issues[0]?.message ?? 'not a valid value');
  return parsed.data;
}

function checkedUrl(raw: string): string {
  const check = checkBackendUrl(raw);
  if (!check.ok) throw new ProfileSettingsError(check.message);
  return check.url;
}

/**
 * A name the person gave, trimmed; null keeps the tenant's own. Two profiles called "Acme" and
 * "acme" could not be told apart in a list, so names are unique without regard to case (as the
 * CLI's profile store has them).
 */
function checkedName(profiles: readonly StoredProfile[], raw: string | null, self?: string): string | null {
  if (raw === null) return null;
  const name = parseOrSay(ProfileName, raw);
  const clash = nameClash(name, profiles, self);
  if (clash) throw new ProfileSettingsError(clash);
  return name;
}

export function findProfile(profiles: readonly StoredProfile[], id: string): StoredProfile {
  const profile = profiles.find((p) => p.id === id);
  if (!profile) throw new ProfileSettingsError(`there is no profile ${JSON.stringify(id)} (it may have been removed in another window)`);
  return profile;
}

/**
 * A new profile, without its token. Its id comes from the name, else from the backend's host,
 * and is never 'demo': that folder holds the demo backend's cache, which is not this tenant's.
 */
export function newProfile(profiles: readonly StoredProfile[], fields: NewProfileFields): StoredProfile {
  const backendUrl = checkedUrl(fields.backendUrl);
  const name = checkedName(profiles, fields.name ?? null);
  const color = parseOrSay(ProfileColor.nullable(), fields.color ?? null);
  const taken = new Set([DEMO_PROFILE_ID, ...profiles.map((p) => p.id)]);
  const id = freeId(slugOf(name ?? new URL(backendUrl).hostname), taken);
  return { id, name, backendUrl, color, notify: null, encryptedToken: null };
}

/** The list with one profile changed; only the fields given, each checked. */
export function changeProfile(profiles: readonly StoredProfile[], change: ProfileChange): StoredProfile[] {
  const profile = { ...findProfile(profiles, change.id) };
  if (change.name !== undefined) profile.name = checkedName(profiles, change.name, profile.id);
  if (change.backendUrl !== undefined) profile.backendUrl = checkedUrl(change.backendUrl);
  if (change.color !== undefined) profile.color = parseOrSay(ProfileColor.nullable(), change.color);
  if (change.notify !== undefined) profile.notify = parseOrSay(ProfileNotify, change.notify);
  return profiles.map((p) => (p.id === profile.id ? profile : p));
}

/** The list with `id` at `index`; an index past the end means last. */
export function moveProfileTo(profiles: readonly StoredProfile[], id: string, index: number): StoredProfile[] {
  const profile = findProfile(profiles, id);
  const rest = profiles.filter((p) => p.id !== id);
  const at = Math.max(0, Math.min(Math.trunc(index), rest.length));
  return [...rest.slice(0, at), profile, ...rest.slice(at)];
}
