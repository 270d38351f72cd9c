import { MAX_SCOPE_LENGTH, scopeId } from '../../../shared/api/scoped-id';
import { ProfileId } from '../../../shared/profiles/profile-fields';
import { MAX_ID_LENGTH } from '../../../shared/protocol/constants';

export const DEEP_LINK_SCHEME = 'discoparrot';

export type DeepLink = { kind: 'session'; id: string };

/**
 * Longer than any valid link: scheme and host, a profile id fully percent-encoded (3 bytes a
 * character), and a 128-character id fully percent-encoded (4 bytes each, 3 characters a byte).
 */
const MAX_LINK_LENGTH = 64 + MAX_SCOPE_LENGTH * 3 + MAX_ID_LENGTH * 12;

// Matched on the raw text, not through `new URL`: the URL parser silently drops tabs and newlines
// and resolves dot segments, so what it accepts is not what was sent. Scheme and host are matched
// case-insensitively (both are by definition); then an optional profile segment and the id, one
// path segment each, with one optional trailing slash because Windows shells like to add one.
const SESSION_LINK = /^discoparrot:\/\/session\/(?:([^/?#]+)\/)?([^/?#]+)\/?$/i;
// C0, DEL and C1 controls, plus the line and paragraph separators: none belongs in an id, and any of
// them would let a link break a log line or an argv entry.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function decodeSegment(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/**
 * `discoparrot://session/<profile>/<id>` → `{ kind: 'session', id: '<profile>/<id>' }`, the scoped
 * id every view uses; the older `discoparrot://session/<id>` → the bare id, which the core looks
 * up in each profile. Anything else gives null and never throws: a link comes from other programs
 * (a browser, a chat message, another app's argv), so it is input, not trust. Each segment is
 * percent-decoded on its own, so an id may hold an encoded `/`; it is only ever used to look a
 * session up.
 */
export function parseDeepLink(raw: unknown): DeepLink | null {
  if (typeof raw !== 'string' || raw.length > MAX_LINK_LENGTH || CONTROL.test(raw)) return null;
  const match = SESSION_LINK.exec(raw);
  if (!match) return null;
  const [, encodedProfile, encodedId] = match;
  const id = decodeSegment(encodedId ?? '');
  if (id === null || id.length === 0 || id.length > MAX_ID_LENGTH || CONTROL.test(id) || id.trim() !== id) return null;
  if (encodedProfile === undefined) return { kind: 'session', id };
  const profile = decodeSegment(encodedProfile);
  if (profile === null || !ProfileId.safeParse(profile).success) return null;
  return { kind: 'session', id: scopeId(profile, id) };
}

/** Whether an argv entry is meant as a link to this app (well-formed or not). */
export const isDeepLinkArgument = (arg: string): boolean => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`);

/**
 * The link in a second instance's argv (the `second-instance` event) or in process.argv on a cold
 * start: Windows and Linux hand the URL over as an argument, somewhere after Chromium's own
 * switches. macOS never does; it sends `open-url` instead. The last link wins, as the newest.
 */
export function findDeepLink(argv: readonly string[]): DeepLink | null {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i];
    if (arg === undefined || !isDeepLinkArgument(arg)) continue;
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}
