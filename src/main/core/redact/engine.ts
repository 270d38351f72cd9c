import { RULES, type Rule } from './rules';
import { marker } from './secret-names';

/** Where a credential sits in a text, and which rule found it. */
export interface Finding {
  start: number;
  end: number;
  rule: string;
  kind: string;
}

/** Shannon entropy in bits per character, as gitleaks computes it (over characters, not bytes). */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  let n = 0;
  for (const ch of s) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    n++;
  }
  let bits = 0;
  for (const c of counts.values()) bits -= (c / n) * Math.log2(c / n);
  return bits;
}

/** The span of the secret inside a match: gitleaks reports the first non-empty group, else the match. */
function secretSpan(m: RegExpExecArray, rule: Rule): [number, number] | null {
  const groups = rule.secretGroups ?? m.keys();
  for (const g of groups) {
    if (g === 0 || !m[g]) continue;
    const span = m.indices?.[g];
    if (span) return span;
  }
  // A rule that names its groups wants one of them; an all-empty match (`password=""`) is nothing.
  return rule.secretGroups ? null : [m.index, m.index + m[0].length];
}

interface KeywordIndex {
  /** Every keyword of every rule, longest first, as one case-insensitive alternation. */
  regex: RegExp;
  /** A keyword found at a position implies the shorter keywords it starts with (xoxe.xoxb- and xoxe). */
  implied: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<readonly Rule[], KeywordIndex>();

function keywordIndex(rules: readonly Rule[]): KeywordIndex {
  let index = indexes.get(rules);
  if (!index) {
    const all = [...new Set(rules.flatMap((r) => r.keywords ?? []))].sort((a, b) => b.length - a.length);
    const source = all.map((k) => k.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|') || '(?!)';
    index = { regex: new RegExp(source, 'gi'), implied: new Map(all.map((k) => [k, all.filter((o) => k.startsWith(o))])) };
    indexes.set(rules, index);
  }
  return index;
}

/**
 * The keywords the text holds. gitleaks asks `strings.Contains(lower, keyword)` once per rule;
 * here a hundred `includes` over each 2 KB chunk were the largest single cost, so one
 * case-insensitive pass finds them all (five times faster), stepping one character at a time so that overlapping
 * keywords (`key` holds `ey`) are all seen.
 */
function keywordsIn(text: string, rules: readonly Rule[]): Set<string> {
  const { regex, implied } = keywordIndex(rules);
  const present = new Set<string>();
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    for (const k of implied.get(m[0].toLowerCase()) ?? []) present.add(k);
    regex.lastIndex = m.index + 1;
  }
  return present;
}

function check(rule: Rule, m: RegExpExecArray, text: string, found: readonly Finding[]): Finding | null {
  const span = secretSpan(m, rule);
  if (!span) return null;
  const [start, end] = span;
  if (start === end) return null;
  const secret = text.slice(start, end);
  if (rule.entropy !== undefined && shannonEntropy(secret) <= rule.entropy) return null;
  if (rule.allow?.test(secret)) return null;
  if (rule.accept && !rule.accept(secret, m, text)) return null;
  const finding = { start, end, rule: rule.id, kind: rule.kind };
  // Overlaps with a kept finding lose, unless they contain it whole and may take its place.
  if (found.some((f) => f.start < end && start < f.end && !supersedes(finding, f))) return null;
  return finding;
}

/** Generic rules (a value after a key named like a secret) come last and name no kind of token. */
const GENERIC_KIND = 'generic-secret';

/**
 * Whether `wider` replaces the kept finding `f` it contains whole: a wider secret of the same
 * kind (a ghs_… run inside a github_pat_… body), or a named kind of token strictly around it (a
 * ghs_… run inside the random body of an sk-proj-… key). Either way no part of the wider secret may
 * stay in clear. A generic value never takes the place of a named token it holds.
 */
function supersedes(wider: Finding, f: Finding): boolean {
  if (wider.start > f.start || f.end > wider.end) return false;
  if (wider.kind === f.kind) return true;
  return wider.kind !== GENERIC_KIND && (wider.start < f.start || f.end < wider.end);
}

/**
 * gitleaks' matching loop: keyword prefilter (case-insensitive), regex, secret group,
 * entropy, allowlist; then, because a redactor must pick one marker per place, an earlier rule
 * keeps a span and a later finding that partly overlaps it is dropped; a later one that contains
 * it whole replaces it when it is the same kind or a named token strictly wider (supersedes), so
 * no part of the wider secret stays in clear.
 */
export function findSecrets(text: string, rules: readonly Rule[] = RULES): Finding[] {
  if (text.length === 0) return [];
  const present = keywordsIn(text, rules);
  const found: Finding[] = [];
  for (const rule of rules) {
    if (rule.keywords && !rule.keywords.some((k) => present.has(k))) continue;
    const re = rule.regex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const finding = check(rule, m, text, found);
      if (finding) {
        // A wider secret that contains earlier findings replaces them (supersedes).
        for (let i = found.length - 1; i >= 0; i--) if (supersedes(finding, found[i]!)) found.splice(i, 1);
        found.push(finding);
        continue;
      }
      // Unlike gitleaks, a match that is not kept does not hide what it spans: `TOKEN=ghp_…:KEY=…`
      // as one generic value loses to github-token, and KEY=… must still be seen, on this pass
      // as on the next (idempotence). Stepping one character also gets past an empty match.
      re.lastIndex = m.index + 1;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Every credential replaced by `[REDACTED:<kind>]`; the text around it is kept as it was. */
export function redactText(text: string): string {
  const found = findSecrets(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + marker(f.kind);
    at = f.end;
  }
  return out + text.slice(at);
}
