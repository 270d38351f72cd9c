import { ALNUM, type Random } from '../random';

/** Low-level building blocks for fake credentials: alphabets, encodings and key bodies. */

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const BASE64 = ALNUM + '+/';
/** AWS key ids use base32 after the prefix (no 0, 1, 8, 9); gitleaks' aws-access-token expects that. */
export const BASE32_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Draws without replacement until the alphabet is used up, then starts over. Few repeats
 * keep a short secret's entropy well above gitleaks' thresholds, which a finding must exceed
 * strictly (3 for aws-access-token, 4 for gcp-api-key, 3.5 for generic-api-key); plain
 * random draws repeat enough to land on or below them now and then.
 */
function deck(rng: Random, alphabet: string): () => string {
  let pool: string[] = [];
  return () => {
    if (pool.length === 0) pool = [...alphabet];
    return pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
  };
}

/** `length` characters with as few repeats as the alphabet allows (none if it is long enough). */
export function distinct(rng: Random, alphabet: string, length: number): string {
  const draw = deck(rng, alphabet);
  let out = '';
  for (let i = 0; i < length; i++) out += draw();
  return out;
}

/**
 * Letters never touch each other and neither do the other characters. gitleaks'
 * generic-api-key drops any secret containing one of ~1,500 stopwords ("data", "code",
 * "md5", "000000"…), and every stopword has two adjacent letters or digits, so a secret
 * built this way is always reported. A random string of the same length hits a stopword
 * a few percent of the time, which would make the demo's redaction flaky.
 */
export function wordless(rng: Random, length: number, others: string = DIGITS): string {
  const letter = deck(rng, LETTERS);
  const other = deck(rng, others);
  let out = '';
  for (let i = 0; i < length; i++) out += i % 2 === 0 ? letter() : other();
  return out;
}

/** Digits with a non-zero lead, like the numeric ids inside Slack tokens. */
export function digits(rng: Random, length: number): string {
  return rng.chars('123456789', 1) + rng.chars(DIGITS, length - 1);
}

/** Standard base64 of an ASCII string; a tiny encoder keeps this folder free of Node's Buffer. */
export function base64(ascii: string): string {
  let out = '';
  for (let i = 0; i < ascii.length; i += 3) {
    const n = (ascii.charCodeAt(i) << 16) | ((ascii.charCodeAt(i + 1) || 0) << 8) | (ascii.charCodeAt(i + 2) || 0);
    out += BASE64.charAt((n >> 18) & 63) + BASE64.charAt((n >> 12) & 63);
    out += i + 1 < ascii.length ? BASE64.charAt((n >> 6) & 63) : '=';
    out += i + 2 < ascii.length ? BASE64.charAt(n & 63) : '=';
  }
  return out;
}

/** base64url without padding, as used by JWT segments. */
export function base64url(ascii: string): string {
  return base64(ascii).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A short PEM block. Real keys run to 25 lines; five keep a transcript entry small while
 * still exceeding the 64 body characters gitleaks' private-key rule needs.
 */
export function pemBlock(rng: Random, label: string, firstLine: string, width: number): string {
  const lines = [firstLine + rng.chars(BASE64, width - firstLine.length)];
  for (let i = 0; i < 3; i++) lines.push(rng.chars(BASE64, width));
  lines.push(rng.chars(BASE64, 22) + '==');
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}
