import { z } from 'zod';
import { ProfileColor, ProfileId, ProfileName } from '../../../shared/profiles/profile-fields';

export const StoredProfile = z.object({
  id: ProfileId,
  name: ProfileName,
  backendUrl: z.string().min(1),
  /** Where the CLI reads the token: the path, never the token itself. Null in the desktop app (safeStorage). */
  tokenFile: z.string().min(1).nullable(),
  /** The label's colour (#rrggbb); null: one is picked from the id. */
  color: ProfileColor.nullable().default(null),
});

export const PROFILES_VERSION = 1;

export const ProfilesFile = z.object({
  version: z.literal(PROFILES_VERSION),
  profiles: z.array(StoredProfile),
});

export type StoredProfile = z.infer<typeof StoredProfile>;
export type ProfilesFile = z.infer<typeof ProfilesFile>;

