// No imports: the renderer, the core and the shell all read ids this way, and the sandboxed
// preload may one day need it too.

/**
 * Session ids are scoped by profile everywhere outside a profile's own cache (issue 14): two
 * tenants may use the same ids, so the views, IPC, deep links and notification memory carry
 * `<profile>/<id>`. A profile id never holds a `/` (core/profiles/profile.ts), so the first `/`
 * splits; the session id after it may hold any character, `/` included.
 */
export const SCOPE_SEPARATOR = '/';

/** The longest profile id (core/profiles/profile.ts) and its separator. */
export const MAX_SCOPE_LENGTH = 41;

export const scopeId = (profile: string, id: string): string => `${profile}${SCOPE_SEPARATOR}${id}`;

export interface ScopedId {
  profile: string;
  id: string;
}

/** `acme/ft_1` → { profile: 'acme', id: 'ft_1' }; null for text with no scope in it. */
export function splitScopedId(scoped: string): ScopedId | null {
  const at = scoped.indexOf(SCOPE_SEPARATOR);
  if (at <= 0 || at === scoped.length - 1) return null;
  return { profile: scoped.slice(0, at), id: scoped.slice(at + 1) };
}

/** The profile a scoped id belongs to; null when it carries none. */
export const profileOf = (scoped: string): string | null => splitScopedId(scoped)?.profile ?? null;
