import { z } from 'zod';

/**
 * A profile: one backend and one sign-in, with a cache of its own (issue 14). Its id is chosen
 * once, from the name, and never changes: it names the cache's folder and scopes session ids
 * everywhere (shared/api/scoped-id.ts), so a rename moves nothing. It never holds a `/`.
 */
export const ProfileId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a profile id is 1-40 lowercase letters, digits or dashes');

export const ProfileName = z
  .string()
  .trim()
  .min(1, 'a profile needs a name')
  .max(60, 'a profile name is at most 60 characters')
  // Control characters would break a table row or a log line; the name is shown everywhere.
  .refine((name) => !/[\u0000-\u001f\u007f-\u009f]/.test(name), 'a profile name cannot hold control characters');

/** A label's colour, #rrggbb. */
export const ProfileColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

/** Whose checkpoints of this profile notify: as in Notifications settings (null), mine, all, or none. */
export const ProfileNotify = z.enum(['mine', 'all', 'off']).nullable();

/** The id of the profile the app runs when none is configured: the project's demo backend. */
export const DEMO_PROFILE_ID = 'demo';

export type ProfileId = z.infer<typeof ProfileId>;
export type ProfileNotify = z.infer<typeof ProfileNotify>;

/**
 * Why a name cannot be used beside these profiles (names are told apart without regard to case,
 * as a person reads them), or null when it can. `self` is the profile being renamed.
 */
export function nameClash(name: string, profiles: ReadonlyArray<{ id: string; name: string | null }>, self?: string): string | null {
  const clash = profiles.find((p) => p.id !== self && p.name !== null && p.name.toLowerCase() === name.toLowerCase());
  return clash ? `there is already a profile named ${JSON.stringify(clash.name)}` : null;
}

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

/**
 * Label colours picked from the id when the person chose none. Each is a dot beside the name, in
 * both themes, so they are mid-tones that read on light and dark alike.
 */
const PALETTE = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#ec4899', '#14b8a6', '#f97316'];

export function profileColor(id: string, chosen: string | null | undefined): string {
  if (chosen) return chosen;
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
