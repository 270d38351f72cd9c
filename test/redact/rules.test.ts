import { describe, expect, it } from 'vitest';
import { findSecrets, shannonEntropy } from '../../src/main/core/redact/engine';
import { RULES, type Rule } from '../../src/main/core/redact/rules';
import { redactText } from '../../src/main/core/redact';
import { ALNUM, BASE64URL, HEX, UPPER_ALNUM, type Random } from '../../src/main/core/demo/random';
import { BASE32_UPPER, BASE64, DIGITS, base64url, digits, distinct, wordless } from '../../src/main/core/demo/content/secret-shapes';
import { replaced, useSeededRandom } from './support';

const rng = useSeededRandom(0x51);
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

interface Sample {
  text: string;
  secret: string;
}
const at = (secret: string, wrap: (s: string) => string): Sample => ({ secret, text: wrap(secret) });
const pemBody = (r: Random, lines: number) => Array.from({ length: lines }, () => r.chars(BASE64, 64)).join('\n');

/** A fresh, realistic occurrence of what each rule is for. Every rule must have one. */
const SAMPLES: Record<string, (r: Random) => Sample> = {
  'private-key': (r) => at(`-----BEGIN EC PRIVATE KEY-----\n${pemBody(r, 3)}\n-----END EC PRIVATE KEY-----`, (s) => `$ cat key.pem\n${s}\n$ `),
  'github-pat': (r) => at(`ghp_${r.chars(ALNUM, 36)}`, (s) => `export GH_TOKEN=${s}`),
  'github-oauth': (r) => at(`gho_${r.chars(ALNUM, 36)}`, (s) => `oauth_token: ${s}`),
  'github-app-token': (r) => at(`${r.pick(['ghu', 'ghs'])}_${r.chars(ALNUM, 36)}`, (s) => `{"token":"${s}"}`),
  'github-refresh-token': (r) => at(`ghr_${r.chars(ALNUM, 36)}`, (s) => `refresh=${s}`),
  'github-fine-grained-pat': (r) => at(`github_pat_${r.chars(ALNUM, 22)}_${r.chars(ALNUM, 59)}`, (s) => `GH_TOKEN=${s}`),
  'gitlab-pat-routable': (r) => at(`glpat-${r.chars(ALNUM, 36)}.${r.chars(LOWER_ALNUM, 9)}`, (s) => `GITLAB_TOKEN=${s}`),
  'gitlab-pat': (r) => at(`glpat-${r.chars(BASE64URL, 20)}`, (s) => `private_token: ${s}`),
  'gitlab-runner-authentication-token-routable': (r) => at(`glrt-t1_${r.chars(ALNUM, 30)}.${r.chars(LOWER_ALNUM, 9)}`, (s) => `token = "${s}"`),
  'gitlab-runner-authentication-token': (r) => at(`glrt-${r.chars(ALNUM, 20)}`, (s) => `runner ${s} registered`),
  'gitlab-ptt': (r) => at(`glptt-${r.chars(HEX, 40)}`, (s) => `-F token=${s}`),
  'gitlab-rrt': (r) => at(`GR1348941${r.chars(BASE64URL, 20)}`, (s) => `--registration-token ${s}`),
  'gitlab-deploy-token': (r) => at(`gldt-${r.chars(ALNUM, 20)}`, (s) => `password: ${s}`),
  'gitlab-cicd-job-token': (r) => at(`glcbt-${r.chars(ALNUM, 3)}_${r.chars(ALNUM, 20)}`, (s) => `JOB-TOKEN: ${s}`),
  'gitlab-oauth-app-secret': (r) => at(`gloas-${r.chars(ALNUM, 64)}`, (s) => `secret ${s}`),
  'gitlab-feed-token': (r) => at(`glft-${r.chars(ALNUM, 20)}`, (s) => `/feed.atom?feed_token=${s}`),
  'gitlab-scim-token': (r) => at(`glsoat-${r.chars(ALNUM, 20)}`, (s) => `scim ${s}`),
  'aws-access-token': (r) => at(`${r.pick(['AKIA', 'ASIA'])}${distinct(r, BASE32_UPPER, 16)}`, (s) => `"AccessKeyId": "${s}",`),
  'slack-app-token': (r) => at(`xapp-1-A${r.chars(UPPER_ALNUM, 10)}-${digits(r, 13)}-${r.chars(HEX, 64)}`, (s) => `SLACK_APP_TOKEN=${s}`),
  'slack-bot-token': (r) => at(`xoxb-${digits(r, 12)}-${digits(r, 12)}-${r.chars(ALNUM, 24)}`, (s) => `token: ${s}`),
  'slack-config-access-token': (r) => at(`xoxe.xoxp-1-${r.chars(UPPER_ALNUM, 164)}`, (s) => `config ${s}`),
  'slack-config-refresh-token': (r) => at(`xoxe-1-${r.chars(UPPER_ALNUM, 146)}`, (s) => `refresh ${s}`),
  'slack-legacy-bot-token': (r) => at(`xoxb-${digits(r, 10)}-${r.chars(ALNUM, 24)}`, (s) => `bot ${s}`),
  'slack-legacy-token': (r) => at(`xoxs-${digits(r, 9)}-${digits(r, 9)}-${digits(r, 12)}-${r.chars(HEX, 64)}`, (s) => `legacy ${s}`),
  'slack-legacy-workspace-token': (r) => at(`xoxa-2-${r.chars(ALNUM, 30)}`, (s) => `workspace ${s}`),
  'slack-user-token': (r) => at(`xoxp-${digits(r, 11)}-${digits(r, 11)}-${digits(r, 13)}-${r.chars(HEX, 32)}`, (s) => `user ${s}`),
  'slack-webhook-url': (r) =>
    at(`T${r.chars(UPPER_ALNUM, 8)}/B${r.chars(UPPER_ALNUM, 8)}/${r.chars(ALNUM, 24)}`, (s) => `POST https://hooks.slack.com/services/${s} 200`),
  'stripe-access-token': (r) => at(`${r.pick(['sk', 'rk'])}_live_${r.chars(ALNUM, 34)}`, (s) => `Stripe.api_key = '${s}'`),
  'openai-api-key': (r) => at(`sk-proj-${r.chars(BASE64URL, 58)}T3BlbkFJ${r.chars(BASE64URL, 57)}${r.chars(ALNUM, 1)}`, (s) => `key=${s}\n`),
  'anthropic-admin-api-key': (r) => at(`sk-ant-admin01-${r.chars(BASE64URL, 93)}AA`, (s) => `x-api-key: ${s}`),
  'anthropic-api-key': (r) => at(`sk-ant-api03-${r.chars(BASE64URL, 93)}AA`, (s) => `client = Anthropic(api_key="${s}")`),
  'gcp-api-key': (r) => at(`AIza${distinct(r, BASE64URL, 35)}`, (s) => `?key=${s}&q=berlin`),
  'npm-access-token': (r) => at(`npm_${r.chars(ALNUM, 36)}`, (s) => `//registry.npmjs.org/:_authToken=${s}`),
  'huggingface-access-token': (r) => at(`hf_${distinct(r, ALNUM.slice(0, 52), 34)}`, (s) => `HF_TOKEN=${s}`),
  'pypi-upload-token': (r) => at(`pypi-AgEIcHlwaS5vcmc${r.chars(BASE64URL, 120)}`, (s) => `password = ${s}`),
  'sendgrid-api-token': (r) => at(`SG.${r.chars(BASE64URL, 22)}.${r.chars(BASE64URL, 43)}`, (s) => `SENDGRID_API_KEY='${s}'`),
  'digitalocean-pat': (r) => at(`dop_v1_${r.chars(HEX, 64)}`, (s) => `doctl auth init -t ${s}`),
  'digitalocean-access-token': (r) => at(`doo_v1_${r.chars(HEX, 64)}`, (s) => `access ${s}`),
  'digitalocean-refresh-token': (r) => at(`dor_v1_${r.chars(HEX, 64)}`, (s) => `refresh ${s}`),
  jwt: (r) => at(`${base64url('{"alg":"HS256"}')}.${base64url(`{"sub":"u_${r.chars(DIGITS, 6)}","scope":"admin"}`)}.${r.chars(BASE64URL, 43)}`, (s) => `id_token=${s};`),
  'curl-auth-header': (r) => at(r.chars(ALNUM, 32), (s) => `curl -s 'https://api.acme.dev/v1' \\\n  -H 'X-Api-Key: ${s}'`),
  'private-key-truncated': (r) => at(`-----BEGIN OPENSSH PRIVATE KEY-----\n${pemBody(r, 2)}`, (s) => `$ head -3 id_ed25519\n${s}\n$ `),
  'aws-secret-key': (r) => at(wordless(r, 40, DIGITS + '+/'), (s) => `  "SecretAccessKey": "${s}",`),
  'url-password': (r) => at(wordless(r, 16), (s) => `redis-cli -u redis://:${s}@cache.internal:6379/0`),
  'authorization-header': (r) => at(r.chars(BASE64URL, 40), (s) => `> GET /v1/me HTTP/1.1\n> Authorization: Bearer ${s}\n> Accept: */*`),
  'curl-user': (r) => at(wordless(r, 12), (s) => `curl -fsS -u deploy:${s} https://ci.acme.dev/api/json`),
  'cli-secret-flag': (r) => at(wordless(r, 14), (s) => `docker login --username ci --password ${s} registry.acme.dev`),
  'generic-secret': (r) => at(wordless(r, 10), (s) => `PGPASSWORD=${s} psql -h db.internal app`),
};

describe('rule table', () => {
  it('has a sample for every rule, lower-case keywords that the sample contains, and gd regexes', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      expect(rule.regex.flags, rule.id).toContain('g');
      expect(rule.regex.flags, rule.id).toContain('d');
      expect(rule.kind, rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const sample = SAMPLES[rule.id]!(rng).text.toLowerCase();
      for (const k of rule.keywords ?? []) expect(k, rule.id).toBe(k.toLowerCase());
      if (rule.keywords) expect(rule.keywords.some((k) => sample.includes(k)), rule.id).toBe(true);
    }
  });
});

describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule: Rule) => {
  it('alone, finds exactly the secret in a fresh sample', () => {
    for (let i = 0; i < 5; i++) {
      const { text, secret } = SAMPLES[rule.id]!(rng);
      const found = findSecrets(text, [rule]);
      expect(found.map((f) => text.slice(f.start, f.end)), text).toEqual([secret]);
    }
  });

  it('among all rules, is redacted under its kind with the rest kept', () => {
    const { text, secret } = SAMPLES[rule.id]!(rng);
    expect(redactText(text)).toBe(replaced(text, secret, rule.kind));
  });
});

const find = (text: string, id: string) => findSecrets(text, RULES.filter((r) => r.id === id));

describe('what the Go to JS conversion had to keep', () => {
  it('runs a rule only when the text holds one of its keywords', () => {
    const rule = RULES.find((r) => r.id === 'github-pat')!;
    const text = `ghp_${rng.chars(ALNUM, 36)}`;
    expect(findSecrets(text, [rule])).toHaveLength(1);
    expect(findSecrets(text, [{ ...rule, keywords: ['not-in-the-text'] }])).toEqual([]);
  });

  it('applies the entropy threshold strictly, to the secret group', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(find(`ghp_${'a'.repeat(36)}`, 'github-pat')).toEqual([]);
    // gcp-api-key wants more than 4 bits: a repetitive key body is not reported.
    expect(find(`AIza${'ab'.repeat(17)}c`, 'gcp-api-key')).toEqual([]);
  });

  it('keeps the allowlist: AWS documentation keys end in EXAMPLE', () => {
    expect(find(`AKIA${distinct(rng, BASE32_UPPER, 9)}EXAMPLE`, 'aws-access-token')).toEqual([]);
  });

  it('ends a token at the end of text, a quote, or an escaped \\n as Go `$` and `\\\\[nr]` do', () => {
    const key = `sk_live_${rng.chars(ALNUM, 30)}`;
    expect(find(key, 'stripe-access-token')).toHaveLength(1);
    expect(redactText(`{"env":"STRIPE=${key}\\nNEXT=1"}`)).toBe(`{"env":"STRIPE=[REDACTED:stripe-key]\\nNEXT=1"}`);
  });

  it('keeps (?i) where gitleaks has it and case where it does not', () => {
    expect(find(`NPM_${rng.chars(UPPER_ALNUM, 36)}`, 'npm-access-token')).toHaveLength(1);
    expect(find(`-----begin rsa private key-----\n${pemBody(rng, 2)}\n-----end rsa private key-----`, 'private-key')).toHaveLength(1);
    expect(find(`curl -H "authorization: bearer ${rng.chars(ALNUM, 30)}" x`, 'curl-auth-header')).toHaveLength(1);
    // (?i:[a-z]{34}) covers only the body of a Hugging Face token, not its prefix.
    expect(find(`HF_${distinct(rng, ALNUM.slice(0, 52), 34)}`, 'huggingface-access-token')).toEqual([]);
    // SG.(?i)… is case-insensitive only after the prefix.
    expect(find(`sg.${rng.chars(BASE64URL, 22)}.${rng.chars(BASE64URL, 43)}`, 'sendgrid-api-token')).toEqual([]);
  });

  it('lets curl-auth-header span CRLF line continuations, as Go `.` (which matches \\r) does', () => {
    const token = rng.chars(ALNUM, 30);
    const text = `curl https://api.acme.dev \\\r\n  -H "Authorization: Bearer ${token}"`;
    expect(find(text, 'curl-auth-header').map((f) => text.slice(f.start, f.end))).toEqual([token]);
  });

  it('finds a cut-off private key in JSON-escaped output too', () => {
    const { text, secret } = SAMPLES['private-key-truncated']!(rng);
    const json = JSON.stringify({ output: text });
    expect(redactText(json)).toBe(replaced(json, JSON.stringify(secret).slice(1, -1), 'private-key'));
  });

  it('needs the longer GitLab form to be tried first, or half a routable token would survive', () => {
    const { text, secret } = SAMPLES['gitlab-pat-routable']!(rng);
    expect(redactText(text)).toBe(replaced(text, secret, 'gitlab-token'));
  });
});
