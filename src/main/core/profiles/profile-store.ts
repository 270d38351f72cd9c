import fs from 'node:fs';
import path from 'node:path';
import { checkBackendUrl } from '../../../shared/backend-url';
import { freeId, nameClash, ProfileId, ProfileName, slugOf } from '../../../shared/profiles/profile-fields';
import { writeWhole } from '../files/write-whole';
import type { Logger } from '../log';
import { PROFILES_VERSION, ProfilesFile, type StoredProfile } from './profile';

export const PROFILES_FILE = 'profiles.json';
export const PROFILES_DIR = 'profiles';

/** Where a profile's cache lives under a data directory: the CLI's and the app's layout alike. */
export const profileCacheDir = (dataDir: string, id: string): string => path.join(dataDir, PROFILES_DIR, id);

/**
 * Deletes a profile's cache folder: only `<root>/profiles/<id>` for an id that passes ProfileId,
 * and only when that is where the profile's cache is. A failure is logged, never thrown: the
 * profile is gone either way, and the folder is left for the person to see.
 */
export function deleteProfileCache(root: string | undefined, profile: { id: string; dataDir: string }, logger: Logger): void {
  if (!root || !ProfileId.safeParse(profile.id).success) return;
  const folder = profileCacheDir(root, profile.id);
  if (path.resolve(folder) !== path.resolve(profile.dataDir)) return;
  try {
    fs.rmSync(folder, { recursive: true, force: true });
  } catch (error) {
    logger.warn(`[${profile.id}] its cache at ${folder} could not be deleted: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A profiles file that cannot be used, or a change that cannot be made, in words; nothing was written. */
export class ProfileError extends Error {}

export interface NewProfile {
  name: string;
  backendUrl: string;
  tokenFile: string | null;
  color?: string | null;
}

/**
 * The profiles of one data directory: `profiles.json` beside a folder per profile
 * (`profiles/<id>/`, each holding that profile's cache). Written whole (writeWhole), so a crash or
 * a refused write leaves the old list, or the new one, never half of either. A damaged file is
 * reported and left as it is: it may be the only record of someone's backends.
 */
export class ProfileStore {
  private constructor(
    readonly dataDir: string,
    private profiles: StoredProfile[],
  ) {}

  static open(dataDir: string): ProfileStore {
    const file = path.join(dataDir, PROFILES_FILE);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return new ProfileStore(dataDir, []);
      if (code === 'ENOTDIR') throw new ProfileError(`${dataDir} is not a directory`);
      throw new ProfileError(`could not read ${file}: ${(err as Error).message}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ProfileError(`${file} is not valid JSON; fix or remove it (it was left as it is)`);
    }
    const parsed = ProfilesFile.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ProfileError(`${file} cannot be read (${issue.path.join('.') || 'file'}: ${issue.message}); it was left as it is`);
    }
    return new ProfileStore(dataDir, parsed.data.profiles);
  }

  list(): readonly StoredProfile[] {
    return this.profiles;
  }

  /** By id, or by name without regard to case. */
  find(nameOrId: string): StoredProfile | null {
    const folded = nameOrId.trim().toLowerCase();
    return this.profiles.find((p) => p.id === nameOrId) ?? this.profiles.find((p) => p.name.toLowerCase() === folded) ?? null;
  }

  /** Where the profile's cache lives. */
  cacheDir(profile: StoredProfile): string {
    return profileCacheDir(this.dataDir, profile.id);
  }

  add(input: NewProfile): StoredProfile {
    const name = this.checkName(input.name);
    const url = checkBackendUrl(input.backendUrl);
    if (!url.ok) throw new ProfileError(url.message);
    const id = freeId(slugOf(name), new Set(this.profiles.map((p) => p.id)));
    const profile: StoredProfile = { id, name, backendUrl: url.url, tokenFile: input.tokenFile, color: input.color ?? null };
    this.save([...this.profiles, profile]);
    return profile;
  }

  rename(nameOrId: string, newName: string): StoredProfile {
    const profile = this.require(nameOrId);
    const name = this.checkName(newName, profile.id);
    const renamed = { ...profile, name };
    this.save(this.profiles.map((p) => (p.id === profile.id ? renamed : p)));
    return renamed;
  }

  /** Removes the profile and its cache folder. */
  remove(nameOrId: string): StoredProfile {
    const profile = this.require(nameOrId);
    this.save(this.profiles.filter((p) => p.id !== profile.id));
    fs.rmSync(this.cacheDir(profile), { recursive: true, force: true });
    return profile;
  }

  private require(nameOrId: string): StoredProfile {
    const profile = this.find(nameOrId);
    if (!profile) {
      const known = this.profiles.map((p) => p.name).join(', ');
      throw new ProfileError(`no profile named ${JSON.stringify(nameOrId)}${known ? ` (there are: ${known})` : ' (there are none yet)'}`);
    }
    return profile;
  }

  private checkName(raw: string, self?: string): string {
    const parsed = ProfileName.safeParse(raw);
    if (!parsed.success) throw new ProfileError(parsed.error.issues[0]!.message);
    const name = parsed.data;
    const clash = nameClash(name, this.profiles, self);
    if (clash) throw new ProfileError(clash);
    return name;
  }

  private save(profiles: StoredProfile[]): void {
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const body: ProfilesFile = { version: PROFILES_VERSION, profiles };
    // Only once the file holds them: a refused write throws, and the list stays what the file says.
    writeWhole(path.join(this.dataDir, PROFILES_FILE), `${JSON.stringify(body, null, 2)}\n`);
    this.profiles = profiles;
  }
}
