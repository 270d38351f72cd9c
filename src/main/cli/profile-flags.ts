import { ProfileError, ProfileStore } from '../core/profiles/profile-store';
import type { StoredProfile } from '../core/profiles/profile';
import { CliError, UsageError } from './args';
import { backendFlags } from './backend-flags';
import { resolveToken } from './token';

export const PROFILE_OPTION = { profile: { type: 'string' } } as const;

export const PROFILE_USAGE = `  --profile NAME      one profile of --data (see "parrot-tray profiles"); without it, every
                      profile there, or --backend and --token-file as before profiles`;

/** The profiles of --data, or the store's sentence when its file cannot be used. */
export function openProfiles(dataDir: string): ProfileStore {
  try {
    return ProfileStore.open(dataDir);
  } catch (error) {
    if (error instanceof ProfileError) throw new CliError(error.message);
    throw error;
  }
}

/** What a command works on: one profile (--profile), every profile of --data, or none (the old form). */
export function chosenProfiles(values: { profile?: string }, store: ProfileStore): StoredProfile[] {
  if (values.profile === undefined) return [...store.list()];
  const profile = store.find(values.profile);
  if (!profile) {
    const known = store.list().map((p) => p.name);
    throw new UsageError(`no profile named ${JSON.stringify(values.profile)} in ${store.dataDir}${known.length ? ` (there are: ${known.join(', ')})` : ' (it has none; add one with "parrot-tray profiles add")'}`);
  }
  return [profile];
}

export interface BackendTarget {
  /** Null for the form without profiles. */
  profile: StoredProfile | null;
  url: string;
  token: string;
  dataDir: string;
}

/** A profile's backend and token: the token is read from its file now, never kept. */
export function profileTarget(store: ProfileStore, profile: StoredProfile, env: NodeJS.ProcessEnv): BackendTarget {
  const token = resolveToken(profile.tokenFile ? { 'token-file': profile.tokenFile } : {}, env);
  if (!token) throw new CliError(`profile ${profile.name} has no token file; remove it and add it again with --token-file F`, 2);
  return { profile, url: profile.backendUrl, token, dataDir: store.cacheDir(profile) };
}

/**
 * The one backend a command talks to: --profile's, or --backend with its token and the cache at
 * --data itself, as before profiles. Both at once is a usage error: which would win is a guess.
 */
export function oneBackend(values: { profile?: string; backend?: string; token?: string; 'token-file'?: string }, dataDir: string | undefined, env: NodeJS.ProcessEnv): BackendTarget {
  if (values.profile === undefined) {
    // Profiles are the other way to name a backend: a person who has none yet is told of both.
    if (values.backend === undefined && dataDir) {
      throw new UsageError(`--backend URL is required, or a profile in ${dataDir} (parrot-tray profiles add NAME --backend URL --token-file F --data ${dataDir})`);
    }
    const { url, token } = backendFlags(values, env);
    return { profile: null, url, token, dataDir: dataDir ?? '' };
  }
  if (values.backend !== undefined || values.token !== undefined || values['token-file'] !== undefined) {
    throw new UsageError('give --profile, or --backend with its token, not both');
  }
  if (!dataDir) throw new UsageError('--profile needs --data DIR, where the profiles are');
  const store = openProfiles(dataDir);
  return profileTarget(store, chosenProfiles(values, store)[0]!, env);
}
