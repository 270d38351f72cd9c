/**
 * JavaScript translations of the gitleaks rules (config/gitleaks.toml, gitleaks v8) that the
 * demo's fake credentials are shaped for, plus one custom rule gitleaks lacks. Go's RE2
 * inline flags become JS flags: where gitleaks is case-insensitive only in part, this
 * version is case-insensitive throughout, which errs towards finding more.
 * Go `\z` is JS `$` without the m flag. Stopword lists are left out (stricter, again).
 */
export interface Rule {
  id: string;
  regex: RegExp;
  /** The secret's Shannon entropy must exceed this, as gitleaks computes it. */
  entropy?: number;
  /** gitleaks runs a rule only when the text holds one of these (lower-cased). */
  keywords?: readonly string[];
  /** gitleaks-style allowlist on the secret. */
  allow?: RegExp;
  /** Not a gitleaks rule: the demo needs it and the companion must add it. */
  custom?: true;
}

const END = `(?:[\\x60'"\\s;]|\\\\[nr]|$)`;
const re = (source: string, flags = 'g') => new RegExp(source, flags);

const CURL_AUTH = `(?:Authorization:[ \\t]{0,5}(?:Basic[ \\t]([a-z0-9+/]{8,}={0,3})|(?:Bearer|(?:Api-)?Token)[ \\t]([\\w=~@.+/-]{8,})|([\\w=~@.+/-]{8,}))|(?:(?:X-(?:[a-z]+-)?)?(?:Api-?)?(?:Key|Token)):[ \\t]{0,5}([\\w=~@.+/-]{8,}))`;

export const RULES: readonly Rule[] = [
  { id: 'github-pat', regex: /ghp_[0-9a-zA-Z]{36}/g, entropy: 3, keywords: ['ghp_'] },
  { id: 'github-oauth', regex: /gho_[0-9a-zA-Z]{36}/g, entropy: 3, keywords: ['gho_'] },
  { id: 'github-app-token', regex: /(?:ghu|ghs)_[0-9a-zA-Z]{36}/g, entropy: 3, keywords: ['ghu_', 'ghs_'] },
  { id: 'github-refresh-token', regex: /ghr_[0-9a-zA-Z]{36}/g, entropy: 3, keywords: ['ghr_'] },
  { id: 'github-fine-grained-pat', regex: /github_pat_\w{82}/g, entropy: 3, keywords: ['github_pat_'] },
  {
    id: 'aws-access-token',
    regex: /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
    entropy: 3,
    keywords: ['a3t', 'akia', 'asia', 'abia', 'acca'],
    allow: /.+EXAMPLE$/,
  },
  { id: 'slack-bot-token', regex: /xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*/g, entropy: 3, keywords: ['xoxb'] },
  { id: 'slack-user-token', regex: /xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}/g, entropy: 2, keywords: ['xoxp-', 'xoxe-'] },
  {
    id: 'stripe-access-token',
    regex: re(`\\b((?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99})${END}`),
    entropy: 2,
    keywords: ['sk_test', 'sk_live', 'sk_prod', 'rk_test', 'rk_live', 'rk_prod'],
  },
  {
    id: 'openai-api-key',
    regex: re(
      `\\b(sk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})\\b|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})${END}`,
    ),
    entropy: 3,
    keywords: ['t3blbkfj'],
  },
  { id: 'anthropic-api-key', regex: re(`\\b(sk-ant-api03-[a-zA-Z0-9_\\-]{93}AA)${END}`), keywords: ['sk-ant-api03'] },
  { id: 'gcp-api-key', regex: re(`\\b(AIza[\\w-]{35})${END}`), entropy: 4, keywords: ['aiza'] },
  { id: 'gitlab-pat', regex: /glpat-[\w-]{20}/g, entropy: 3, keywords: ['glpat-'] },
  { id: 'npm-access-token', regex: re(`\\b(npm_[a-z0-9]{36})${END}`, 'gi'), entropy: 2, keywords: ['npm_'] },
  {
    id: 'jwt',
    regex: re(`\\b(ey[a-zA-Z0-9]{17,}\\.ey[a-zA-Z0-9\\/\\\\_-]{17,}\\.(?:[a-zA-Z0-9\\/\\\\_-]{10,}={0,2})?)${END}`),
    entropy: 3,
    keywords: ['ey'],
  },
  {
    id: 'private-key',
    regex: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S-]{64,}?KEY(?: BLOCK)?-----/gi,
    keywords: ['-----begin'],
  },
  {
    id: 'curl-auth-header',
    regex: re(
      `\\bcurl\\b(?:.*?|.*?(?:[\\r\\n]{1,2}.*?){1,5})[ \\t\\n\\r](?:-H|--header)(?:=|[ \\t]{0,5})(?:"${CURL_AUTH}"|'${CURL_AUTH}')(?:\\B|\\s|$)`,
      'gi',
    ),
    entropy: 2.75,
    keywords: ['curl'],
  },
  {
    id: 'database-password',
    regex: re(
      `[\\w.-]{0,50}?(?:[\\w.-]{0,50}?(?:db_passw(?:or)?d|database_passw(?:or)?d|pwd)(?:[ \\t\\w.-]{0,20})[\\s'"]{0,3})(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60'"\\s=]{0,5}([a-zA-Z0-9:;<@=},!$?^]{1,100})${END}`,
      'gi',
    ),
  },
  {
    id: 'generic-api-key',
    regex: re(
      `[\\w.-]{0,50}?(?:access|auth|api|credential|creds|key|passw(?:or)?d|secret|token)(?:[ \\t\\w.-]{0,20})[\\s'"]{0,3}(?:=|>|:{1,3}=|\\|\\||:|=>|\\?=|,)[\\x60'"\\s=]{0,5}([\\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})${END}`,
      'gi',
    ),
    entropy: 3.5,
    keywords: ['access', 'api', 'auth', 'key', 'credential', 'creds', 'passwd', 'password', 'secret', 'token'],
    allow: /^[a-zA-Z_.-]+$/,
  },
  {
    id: 'sourcegraph-access-token',
    regex: re(`\\b(\\b(sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}|[a-fA-F0-9]{40})\\b)${END}`, 'gi'),
    entropy: 3,
    keywords: ['sgp_', 'sourcegraph'],
  },
  // Not in gitleaks' default set: the password of scheme://user:password@host.
  { id: 'url-password', regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]+:([^\s:@/?#]+)@/gi, custom: true },
];

export function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

export interface Finding {
  rule: string;
  secret: string;
  entropy: number;
}

/** gitleaks' matching loop in miniature: keywords, regex, first non-empty group, entropy, allowlist. */
export function findSecrets(text: string, rules: readonly Rule[] = RULES): Finding[] {
  const lower = text.toLowerCase();
  const found: Finding[] = [];
  for (const rule of rules) {
    if (rule.keywords && !rule.keywords.some((k) => lower.includes(k))) continue;
    for (const m of text.matchAll(rule.regex)) {
      const secret = m.slice(1).find((g) => g !== undefined && g !== '') ?? m[0];
      const entropy = shannonEntropy(secret);
      // Strictly above, as in gitleaks: `if entropy <= r.Entropy { continue }`.
      if (rule.entropy !== undefined && entropy <= rule.entropy) continue;
      if (rule.allow?.test(secret)) continue;
      found.push({ rule: rule.id, secret, entropy });
    }
  }
  return found;
}
