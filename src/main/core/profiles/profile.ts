import { z } from 'zod';

/**
 * A profile: one backend and one sign-in, with a cache of its own. Its id is chosen once, from the
 * name, and never changes: it names the cache's folder and scopes session ids everywhere (issue 14),
 * so a rename moves nothing.
 */
export const ProfileId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a profile id is 1-40 lowercase letters, digits or dashes');

export const ProfileName = z
  .string()
  .trim()
  .min(1, 'a profile needs a name')
  .max(60, 'a profile name is at most 60 characters')
  // Control characters would break a table row or a log line; the name is shown everywhere.
  .refine((name) => !/[\u0000-\u001f\u007f-\u009f]/.test(name), 'a profile name cannot hold control characters');

export const StoredProfile = z.object({
  id: ProfileId,
  name: ProfileName,
  backendUrl: z.string().min(1),
  /** Where the CLI reads the token: the path, never the token itself. Null in the desktop app (safeStorage). */
  tokenFile: z.string().min(1).nullable(),
  /** The label's colour (#rrggbb); null: one is picked from the id. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable().default(null),
});

export const PROFILES_VERSION = 1;

export const ProfilesFile = z.object({
  version: z.literal(PROFILES_VERSION),
  profiles: z.array(StoredProfile),
});

export type StoredProfile = z.infer<typeof StoredProfile>;
export type ProfilesFile = z.infer<typeof ProfilesFile>;

/** "Acme Corp." → "acme-corp"; a name with nothing usable in it → "profile". */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return slug === '' ? 'profile' : slug;
}

/** The first of `slug`, `slug-2`, `slug-3`… that no profile has. */
export function freeId(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}
