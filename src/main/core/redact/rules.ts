/**
 * The credential rules, as data. Two sections, tried in this order (an earlier rule wins where
 * two findings overlap, so specific token shapes beat the key/value heuristics):
 *
 * 1. gitleaks rules, transcribed from gitleaks' config/gitleaks.toml at commit
 *    009e025ad4106ab333aa0b9dc4f2a884390d134c (https://github.com/gitleaks/gitleaks),
 *    Copyright (c) 2019 Zachary Rice, MIT licence (full text in gitleaks.LICENSE.txt beside
 *    this file). Regexes, keywords, entropy thresholds and secret groups are gitleaks'; the Go
 *    (RE2) syntax is converted, and every departure is noted where it is made (see END).
 * 2. Rules gitleaks lacks, which a transcript needs (see the section header below).
 *
 * Conversion notes that apply throughout: Go's `$` and `\z` without (?m) both mean end of text,
 * as `$` does in JS without the m flag; `\x60` is a backtick in both; `\w`, `\b` and `\d` are
 * ASCII in both (no u flag here). Node 20 has no inline flag groups, so `(?i)` becomes the i
 * flag and `(?i:[a-z]{34})` an explicit `[a-zA-Z]{34}`.
 */
import { SECRET_WORD, SECRET_WORD_KEYWORDS, endsKeyName, isPlaceholder, looksLikeSecretValue } from './secret-names';

export interface Rule {
  /** The gitleaks rule id, or our own id in the second section. */
  id: string;
  /** What the marker names: `[REDACTED:<kind>]`. Several rules can share a kind. */
  kind: string;
  /** Always global and with indices (`gd`), so the engine can find the secret group's span. */
  regex: RegExp;
  /** gitleaks' prefilter: the rule runs only if the lower-cased text holds one of these. */
  keywords?: readonly string[];
  /** Groups that may hold the secret, first non-empty wins; unset means gitleaks' default (any group, else the whole match). */
  secretGroups?: readonly number[];
  /** The secret's Shannon entropy must be strictly above this, as in gitleaks. */
  entropy?: number;
  /** gitleaks' per-rule allowlist, tested against the secret. */
  allow?: RegExp;
  /** Our rules only: a check that needs context (key name, what follows the value). */
  accept?: (secret: string, match: RegExpExecArray, text: string) => boolean;
}

const rx = (source: string, flags = '') => new RegExp(source, `gd${flags}`);
/**
 * gitleaks' end-of-secret guard is a quote, space, semicolon, escaped \n or \r, or the end. One
 * deliberate widening: any backslash, and `& # , . : ) ] } > |` too. gitleaks reads files; a
 * transcript is full of URLs, sentences, markup and JSON-escaped text, where `?key=AIza…&q=`,
 * `token sk_live_….` or `\"sk_live_…\"` would otherwise go unredacted.
 */
const END = String.raw`(?:[\x60'"\s;&#,.:)\]}>|\\]|$)`;
const tok = (id: string, kind: string, source: string, keywords: string[], entropy?: number, flags = ''): Rule => ({
  id,
  kind,
  regex: rx(source, flags),
  keywords,
  ...(entropy === undefined ? {} : { entropy }),
});

// gitleaks' curl-auth-header, one quote style. Go's `.` matches \r, JS's does not: hence [^\n].
const LINE = String.raw`[^\n]{0,4096}?`;
const CURL_AUTH = String.raw`(?:Authorization:[ \t]{0,5}(?:Basic[ \t]([a-z0-9+/]{8,}={0,3})|(?:Bearer|(?:Api-)?Token)[ \t]([\w=~@.+/-]{8,})|([\w=~@.+/-]{8,}))|(?:(?:X-(?:[a-z]+-)?)?(?:Api-?)?(?:Key|Token)):[ \t]{0,5}([\w=~@.+/-]{8,}))`;

export const GITLEAKS_RULES: readonly Rule[] = [
  tok('private-key', 'private-key', String.raw`-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S-]{64,}?KEY(?: BLOCK)?-----`, ['-----begin'], undefined, 'i'),
  tok('github-pat', 'github-token', 'ghp_[0-9a-zA-Z]{36}', ['ghp_'], 3),
  tok('github-oauth', 'github-token', 'gho_[0-9a-zA-Z]{36}', ['gho_'], 3),
  tok('github-app-token', 'github-token', '(?:ghu|ghs)_[0-9a-zA-Z]{36}', ['ghu_', 'ghs_'], 3),
  tok('github-refresh-token', 'github-token', 'ghr_[0-9a-zA-Z]{36}', ['ghr_'], 3),
  tok('github-fine-grained-pat', 'github-token', String.raw`github_pat_\w{82}`, ['github_pat_'], 3),
  // The routable forms first: the classic glpat-/glrt- rules would match only their first 20 characters.
  tok('gitlab-pat-routable', 'gitlab-token', String.raw`\bglpat-[0-9a-zA-Z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}\b`, ['glpat-'], 4),
  tok('gitlab-pat', 'gitlab-token', String.raw`glpat-[\w-]{20}`, ['glpat-'], 3),
  tok('gitlab-runner-authentication-token-routable', 'gitlab-token', String.raw`\bglrt-t\d_[0-9a-zA-Z_\-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}\b`, ['glrt-'], 4),
  tok('gitlab-runner-authentication-token', 'gitlab-token', String.raw`glrt-[0-9a-zA-Z_\-]{20}`, ['glrt-'], 3),
  tok('gitlab-ptt', 'gitlab-token', 'glptt-[0-9a-f]{40}', ['glptt-'], 3),
  tok('gitlab-rrt', 'gitlab-token', String.raw`GR1348941[\w-]{20}`, ['gr1348941'], 3),
  tok('gitlab-deploy-token', 'gitlab-token', String.raw`gldt-[0-9a-zA-Z_\-]{20}`, ['gldt-'], 3),
  tok('gitlab-cicd-job-token', 'gitlab-token', 'glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20}', ['glcbt-'], 3),
  tok('gitlab-oauth-app-secret', 'gitlab-token', String.raw`gloas-[0-9a-zA-Z_\-]{64}`, ['gloas-'], 3),
  tok('gitlab-feed-token', 'gitlab-token', String.raw`glft-[0-9a-zA-Z_\-]{20}`, ['glft-'], 3),
  tok('gitlab-scim-token', 'gitlab-token', String.raw`glsoat-[0-9a-zA-Z_\-]{20}`, ['glsoat-'], 3),
  {
    ...tok('aws-access-token', 'aws-access-key', String.raw`\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b`, ['a3t', 'akia', 'asia', 'abia', 'acca'], 3),
    allow: /.+EXAMPLE$/,
  },
  tok('slack-app-token', 'slack-token', String.raw`xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+`, ['xapp'], 2, 'i'),
  tok('slack-bot-token', 'slack-token', 'xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*', ['xoxb'], 3),
  tok('slack-config-access-token', 'slack-token', String.raw`xoxe.xox[bp]-\d-[A-Z0-9]{163,166}`, ['xoxe.xoxb-', 'xoxe.xoxp-'], 2, 'i'),
  tok('slack-config-refresh-token', 'slack-token', String.raw`xoxe-\d-[A-Z0-9]{146}`, ['xoxe-'], 2, 'i'),
  tok('slack-legacy-bot-token', 'slack-token', 'xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26}', ['xoxb'], 2),
  tok('slack-legacy-token', 'slack-token', String.raw`xox[os]-\d+-\d+-\d+-[a-fA-F\d]+`, ['xoxo', 'xoxs'], 2),
  tok('slack-legacy-workspace-token', 'slack-token', String.raw`xox[ar]-(?:\d-)?[0-9a-zA-Z]{8,48}`, ['xoxa', 'xoxr'], 2),
  tok('slack-user-token', 'slack-token', 'xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}', ['xoxp-', 'xoxe-'], 2),
  // A group added around the path so the host stays readable; gitleaks reports the whole URL.
  tok('slack-webhook-url', 'slack-webhook', '(?:https?://)?hooks.slack.com/(?:services|workflows|triggers)/([A-Za-z0-9+/]{43,56})', ['hooks.slack.com']),
  tok('stripe-access-token', 'stripe-key', String.raw`\b((?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99})${END}`, ['sk_test', 'sk_live', 'sk_prod', 'rk_test', 'rk_live', 'rk_prod'], 2),
  tok(
    'openai-api-key',
    'openai-api-key',
    String.raw`\b(sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})\b|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})${END}`,
    ['t3blbkfj'],
    3,
  ),
  tok('anthropic-admin-api-key', 'anthropic-api-key', String.raw`\b(sk-ant-admin01-[a-zA-Z0-9_\-]{93}AA)${END}`, ['sk-ant-admin01']),
  tok('anthropic-api-key', 'anthropic-api-key', String.raw`\b(sk-ant-api03-[a-zA-Z0-9_\-]{93}AA)${END}`, ['sk-ant-api03']),
  // gitleaks allowlists 16 published sample keys here; redacting those too costs nothing.
  tok('gcp-api-key', 'google-api-key', String.raw`\b(AIza[\w-]{35})${END}`, ['aiza'], 4),
  tok('npm-access-token', 'npm-token', String.raw`\b(npm_[a-z0-9]{36})${END}`, ['npm_'], 2, 'i'),
  tok('huggingface-access-token', 'huggingface-token', String.raw`\b(hf_[a-zA-Z]{34})${END}`, ['hf_'], 2),
  tok('pypi-upload-token', 'pypi-token', String.raw`pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}`, ['pypi-ageichlwas5vcmc'], 3),
  // Go's `SG\.(?i)[a-z0-9=_\-\.]{66}`: the flag covers only the body, hence an explicit class.
  tok('sendgrid-api-token', 'sendgrid-key', String.raw`\b(SG\.[a-zA-Z0-9=_\-\.]{66})${END}`, ['sg.'], 2),
  tok('digitalocean-pat', 'digitalocean-token', String.raw`\b(dop_v1_[a-f0-9]{64})${END}`, ['dop_v1_'], 3),
  tok('digitalocean-access-token', 'digitalocean-token', String.raw`\b(doo_v1_[a-f0-9]{64})${END}`, ['doo_v1_'], 3),
  tok('digitalocean-refresh-token', 'digitalocean-token', String.raw`\b(dor_v1_[a-f0-9]{64})${END}`, ['dor_v1_'], undefined, 'i'),
  // gitleaks allows a backslash in the body for JSON's `\/`; here only before a slash, so an
  // escaped `\n` after the token is not swallowed into it.
  tok('jwt', 'jwt', String.raw`\b(ey[a-zA-Z0-9]{17,}\.ey(?:[a-zA-Z0-9\/_-]|\\(?=\/)){17,}\.(?:(?:[a-zA-Z0-9\/_-]|\\(?=\/)){10,}={0,2})?)${END}`, ['ey'], 3),
  // gitleaks turns on (?i) only after the opening quote; without inline flags the whole regex
  // is case-insensitive, which also accepts `CURL` and `-h`: more findings, never fewer.
  // Go's `.*?` becomes `[^\n]{0,4096}?`: RE2 is linear, a backtracking engine is not, and one long
  // line holding many `curl`s without a header would cost time quadratic in its length.
  tok(
    'curl-auth-header',
    'authorization-header',
    // A double quote may come JSON-escaped (\"), as a curl command does inside a tool call's input.
    String.raw`\bcurl\b(?:${LINE}|${LINE}(?:[\r\n]{1,2}${LINE}){1,5})[ \t\n\r](?:-H|--header)(?:=|[ \t]{0,5})(?:\\?"${CURL_AUTH}\\?"|'${CURL_AUTH}')(?:\B|\s|$)`,
    ['curl'],
    2.75,
    'i',
  ),
];

/*
 * ---- Rules gitleaks lacks -------------------------------------------------------------------
 * gitleaks scans repositories, where a secret is a line in a file. A transcript also holds HTTP
 * dumps, connection strings, and the short human-chosen passwords gitleaks' generic rule skips
 * for want of entropy (its threshold of 3.5 lets `DB_PASSWORD=hunter2xyz` through). gitleaks'
 * own generic-api-key is not used: without its ~1,500 stopwords its `key` keyword flags cache
 * and idempotency keys; generic-secret below names fewer keys but has no entropy gate.
 */
// A key may end in a quote, escaped when JSON sits inside JSON; `==` compares, it does not assign.
const KEY_QUOTE = String.raw`(?:\\?["'\x60])?`;
const ASSIGN = String.raw`[ \t]*(?:=>|:=|[:=](?!=))[ \t]*`;

export const CUSTOM_RULES: readonly Rule[] = [
  // gitleaks' private-key needs the END line; a `head` of a key file or a cut-off log has none.
  // Body lines are whole base64 lines of 16 or more, so the prose after the cut is kept.
  tok('private-key-truncated', 'private-key', String.raw`-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:(?:\r?\n|(?:\\r)?\\n)[A-Za-z0-9+/=]{16,})+`, ['-----begin'], undefined, 'i'),
  // At this commit gitleaks finds AWS secret keys only through generic-api-key; this names them.
  {
    ...tok(
      'aws-secret-key',
      'aws-secret-key',
      String.raw`(?<![a-z0-9])(?:aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key)${KEY_QUOTE}${ASSIGN}\\?["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      ['secret'],
      undefined,
      'i',
    ),
    accept: (secret) => looksLikeSecretValue(secret, false),
  },
  // scheme://user:password@host — connection strings for databases, queues and caches.
  {
    ...tok('url-password', 'url-password', String.raw`\b[a-z][a-z0-9+.-]*://[^\s:@/?#]*:([^\s:@/?#]+)@`, ['://'], undefined, 'i'),
    accept: (secret) => !isPlaceholder(secret),
  },
  // Header lines in HTTP dumps and logs, and headers as JSON or code; curl-auth-header sees curl only.
  {
    ...tok(
      'authorization-header',
      'authorization-header',
      String.raw`\b(?:proxy-)?authorization${KEY_QUOTE}[ \t]*[:=][ \t]*\\?["']?(?:Bearer|Basic|Token|Bot)[ \t]+([A-Za-z0-9._~+/=-]{8,})`,
      ['authorization'],
      undefined,
      'i',
    ),
    // After an auth scheme a long mixed-case run of letters is a token, not the words the
    // generic check guards against (prose has spaces, which the value cannot hold).
    accept: (secret) => looksLikeSecretValue(secret, false) || (secret.length >= 20 && /[a-z]/.test(secret) && /[A-Z]/.test(secret) && !isPlaceholder(secret)),
  },
  // Adapted from gitleaks' curl-auth-user, which reports `user:password` as one secret: the user
  // is not secret and says whose credential leaked, so only the password goes here.
  {
    ...tok('curl-user', 'basic-auth', String.raw`\bcurl\b${LINE}[ \t](?:-u|--user)(?:=|[ \t]{1,5})(["']?)[^\s:"']+:([^\s"']{3,})\1(?=\s|$)`, ['curl']),
    secretGroups: [2],
    accept: (secret) => !isPlaceholder(secret),
  },
  // `--password hunter2` on a command line: the value follows a space, not an = sign.
  {
    ...tok(
      'cli-secret-flag',
      'generic-secret',
      String.raw`(?<![\w-])--?(?:[a-z0-9]+-)*(?:password|passwd|pass|token|secret|api-?key)[ \t]+(?:"([^"\r\n]+)"|'([^'\r\n]+)'|([^\s"'<>|&;-][^\s"'<>|&;]*))`,
      ['pass', 'token', 'secret', 'apikey', 'api-key'],
      undefined,
      'i',
    ),
    accept: (secret, m) => looksLikeSecretValue(secret, m[3] === undefined),
  },
  // A value assigned to a key named like a credential: env files, YAML, JSON, code, query strings.
  {
    id: 'generic-secret',
    kind: 'generic-secret',
    regex: rx(
      String.raw`(${SECRET_WORD})${KEY_QUOTE}${ASSIGN}(?:"((?:[^"\\\r\n]|\\.)+)"|'([^'\r\n]+)'|\\"((?:[^"\\\r\n]|\\[^"\r\n])+)\\"|\x60([^\x60\r\n]+)\x60|((?:\$\{[\w.-]*\}|[^\s"'\x60,;&\\()<>\[\]{}])+))`,
      'i',
    ),
    keywords: SECRET_WORD_KEYWORDS,
    secretGroups: [2, 3, 4, 5, 6],
    accept: (secret, m, text) => {
      if (!endsKeyName(text, m.index, m[1] ?? '')) return false;
      const quoted = m[6] === undefined;
      // An unquoted value followed by ( or [ is code: `token = getToken()`, `key = keys[0]`.
      const next = text.charAt(m.index + m[0].length);
      if (!quoted && (next === '(' || next === '[')) return false;
      return looksLikeSecretValue(secret, quoted);
    },
  },
];

export const RULES: readonly Rule[] = [...GITLEAKS_RULES, ...CUSTOM_RULES];
