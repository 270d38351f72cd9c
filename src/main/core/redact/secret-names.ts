/**
 * What a credential's name and value look like, for the rules gitleaks has no equivalent of: the
 * key/value rule in redactText and the secret-named JSON keys in redactValue share these.
 */

export const MARKER_PREFIX = '[REDACTED:';
export const marker = (kind: string): string => `${MARKER_PREFIX}${kind}]`;

const KEY_PREFIXES = ['api', 'access', 'secret', 'private', 'client', 'signing', 'encryption', 'master'];

/**
 * How a credential's key name ends (matched case-insensitively). Plural `tokens` is left out on
 * purpose: max_tokens and input_tokens are counts. Bare `key` is left out too: cache keys,
 * sort keys and idempotency keys are not secrets.
 */
export const SECRET_WORD = String.raw`(?:passwords?|passwd|passphrase|pass|pwd|secret|token|authorization|auth|credentials?|apikey|(?:${KEY_PREFIXES.join('|')})[_.-]?key)`;

/** The prefilter for SECRET_WORD: every spelling of it, lower-cased, holds one of these. */
export const SECRET_WORD_KEYWORDS: readonly string[] = [
  'pass',
  'pwd',
  'secret',
  'token',
  'auth',
  'credential',
  ...KEY_PREFIXES.flatMap((p) => ['', '_', '.', '-'].map((sep) => `${p}${sep}key`)),
];

const ALNUM = /[A-Za-z0-9]/;
const UPPER = /[A-Z]/;

/**
 * Whether `word`, found at `at` in `s`, ends a key name rather than being the tail of another
 * word. A separator or the start of the name is a boundary, and so is a camelCase step
 * (dbPassword, _authToken, DBPassword). Within one all-capitals word only the long words count
 * (PGPASSWORD yes, OLDPWD no); within a lower-case word never (oauth, bypass, compass). `pwd`
 * alone is the shell's working directory, so it needs a prefix (DB_PWD).
 */
export function endsKeyName(s: string, at: number, word: string): boolean {
  const prev = s.charAt(at - 1);
  const first = word.charAt(0);
  if (word.toLowerCase() === 'pwd') return prev === '_' || prev === '.' || prev === '-' || (/[a-z0-9]/.test(prev) && first === 'P');
  if (prev === '' || !ALNUM.test(prev)) return true;
  const capitalised = word.slice(1) !== word.slice(1).toUpperCase();
  if (UPPER.test(first) && (!UPPER.test(prev) || capitalised)) return true;
  return UPPER.test(prev) && word === word.toUpperCase() && word.length >= 5;
}

const KEY_NAME = new RegExp(`${SECRET_WORD}$`, 'i');

/** A JSON key named like a credential: password, DB_PASSWORD, apiKey, x-api-key, clientSecret. */
export function isSecretKeyName(key: string): boolean {
  if (key.length > 100) return false;
  const m = KEY_NAME.exec(key);
  return m !== null && endsKeyName(key, m.index, m[0]);
}

/** References to a secret rather than the secret: $VAR, ${VAR}, ${{ secrets.X }}, {{ .Values.x }}, <token>, ****. */
const PLACEHOLDER = /^(?:\$\{?[\w.-]*\}?|\$\{\{.*\}\}|\{\{.*\}\}|<[^<>]*>|%\w+%|\*{3,}|x{3,}|X{3,}|\.{3,}|…)$/;

// Interpolations, variables and format fields, alone or joined by punctuation or after an auth
// scheme: `${user}:${password}`, $USER:$TOKEN, '%s:%s', '{0}:{1}', `Basic ${encoded}`.
const REFERENCES = /\$\{[^}]*\}|\{\{[^}]*\}\}|\$[A-Za-z_]\w*|%(?:\(\w+\))?[sdr]|\{\w*\}/g;
const SCHEME = /^(?:Bearer|Basic|Token|Bot)\s+/i;

export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value)) return true;
  const rest = value.replace(REFERENCES, '');
  return rest !== value && /^[^A-Za-z0-9]*$/.test(rest.replace(SCHEME, ''));
}

// gitleaks' generic-api-key allowlist is ^[a-zA-Z_.-]+$ (words, identifiers, dotted paths);
// spaces are added because a quoted value may be prose: "password": "Enter your password".
const WORDS_ONLY = /^[A-Za-z_. -]+$/;
// Code that reads a credential rather than holding one: !ok, this.#key, result?.pass.
const IDENTIFIER_PATH = /^!*[A-Za-z_-]+(?:\??\.#?[A-Za-z_-]+)*$/;
const PATH = /^(?:~|\.{1,2})?\/[\w./-]*$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
// Versions, IP addresses and OIDs: 2.14.3, 10.0.0.1, 1.3.6.1.5.5.7.3.1.
const DOTTED_NUMBER = /^v?\d+(?:\.\d+)+$/;

/**
 * Whether a value assigned to a credential-named key is the credential itself. Quoted values may
 * be shorter: the quotes show a literal was meant. URLs are left to url-password, which looks
 * inside them and keeps the host.
 */
export function looksLikeSecretValue(value: string, quoted: boolean): boolean {
  if (value.length < (quoted ? 4 : 6)) return false;
  if (value.includes(MARKER_PREFIX) || isPlaceholder(value)) return false;
  return !WORDS_ONLY.test(value) && !IDENTIFIER_PATH.test(value) && !PATH.test(value) && !URL_LIKE.test(value) && !DOTTED_NUMBER.test(value);
}
