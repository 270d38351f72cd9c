import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText, redactValue } from '../../src/main/core/redact';
import { ALNUM, BASE64URL, HEX, Random } from '../../src/main/core/demo/random';
import { base64url } from '../../src/main/core/demo/content/secret-shapes';
import { leakFile } from '../../src/main/core/demo/content/leak-sites';
import {
  BENIGN_LOOKALIKES,
  CREDENTIAL_KINDS,
  REPOS,
  agentMessage,
  fileEditBody,
  makeCredential,
  toolCallBody,
  type Credential,
} from '../../src/main/core/demo/content';
import { EXPECTED_KIND, SEED, marker, replaced, useSeededRandom } from './support';

const rng = useSeededRandom(0x7e);
const ROUNDS = 20;

/** Where a leaked credential turns up in a transcript; each keeps its own text around the snippet. */
const CONTEXTS: Record<string, (c: Credential) => string> = {
  alone: (c) => c.text,
  'env file': (c) => `NODE_ENV=production\nPORT=8080\n${c.text.trimStart()}\nLOG_LEVEL=info\n`,
  'YAML file': (c) => `service: billing\nintegrations:\n${c.text}\n  timeout_ms: 5000\n`,
  'the file it leaks from': (c) => leakFile(c.text).with,
  'log line': (c) => `2026-11-24T10:00:00.123Z DEBUG loaded config: ${c.text} (pid 4312)`,
  'heredoc in a shell command': (c) => `cat > deploy/.env <<'EOF'\n${c.text}\nEOF\necho written`,
  'JSON-escaped file content': (c) => JSON.stringify({ path: 'config/app.env', content: `# app\n${c.text}\n# end\n` }),
};

describe.each(CREDENTIAL_KINDS.map((k) => [k] as const))('%s', (kind) => {
  const want = EXPECTED_KIND[kind];

  it.each(Object.keys(CONTEXTS))('is redacted in context: %s', (context) => {
    for (let i = 0; i < ROUNDS; i++) {
      const c = makeCredential(rng, kind);
      const text = CONTEXTS[context]!(c);
      // JSON escaping changes a multi-line secret; compare in the same encoding.
      const secret = context.startsWith('JSON') ? JSON.stringify(c.secret).slice(1, -1) : c.secret;
      const out = redactText(text);
      expect(out, `seed ${SEED}`).not.toContain(secret);
      expect(out, `seed ${SEED}`).toBe(replaced(text, secret, want));
      expect(redactText(out)).toBe(out);
    }
  });

  it('is redacted inside a JSON tool input, in any string at any depth', () => {
    const c = makeCredential(rng, kind);
    const input = { cmd: 'bash', args: ['-c', `cat >> .env <<EOF\n${c.text}\nEOF`], env: { files: [{ body: c.text }] } };
    const out = JSON.stringify(redactValue(input));
    expect(out).not.toContain(JSON.stringify(c.secret).slice(1, -1));
    expect(out).toContain(marker(want));
    expect(out).toContain('cat >> .env <<EOF');
  });

  it('is redacted from the demo tool calls and file edits that leak it', () => {
    for (let i = 0; i < 5; i++) {
      // The demo draws the credential first, so the same seed yields the same secret.
      const seed = rng.int(1, 2 ** 31);
      const { secret } = makeCredential(new Random(seed), kind);
      const repo = rng.pick(REPOS).repo;
      const call = toolCallBody(new Random(seed), { repo, secret: kind });
      const edit = fileEditBody(new Random(seed), { repo, secret: kind });
      expect(redactText(call.output ?? '')).toBe(replaced(call.output ?? '', secret, want));
      expect(redactText(edit.after ?? '')).toBe(replaced(edit.after ?? '', secret, want));
    }
  });
});

describe('GitHub tokens, every prefix', () => {
  const PREFIXES = ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'];
  const token = (prefix: string) => (prefix === 'github_pat_' ? `github_pat_${rng.chars(ALNUM, 22)}_${rng.chars(ALNUM, 59)}` : `${prefix}${rng.chars(ALNUM, 36)}`);
  const WRAPS = [
    (t: string) => `git remote set-url origin https://x-access-token:${t}@github.com/acme/api.git`,
    (t: string) => `curl -H "Authorization: token ${t}" https://api.github.com/user`,
    (t: string) => `gh auth login --with-token <<< ${t}`,
    (t: string) => `{"github":{"token":"${t}","user":"acme-bot"}}`,
    (t: string) => `remote: Invalid username or password (${t}).`,
  ];

  it.each([...PREFIXES, 'github_pat_'])('%s', (prefix) => {
    for (const wrap of WRAPS) {
      for (let i = 0; i < 4; i++) {
        const t = token(prefix);
        expect(redactText(wrap(t)), `seed ${SEED}`).toBe(replaced(wrap(t), t, 'github-token'));
      }
    }
  });
});

/** Strings a transcript is full of that must come through untouched. */
function benign(r: Random): string[] {
  const sha = r.chars(HEX, 40);
  const uuid = `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-a${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`;
  return [
    ...BENIGN_LOOKALIKES(r),
    `commit ${sha}\nAuthor: Ada Lovelace <ada@acme.dev>\nDate:   Tue Nov 24 10:00:00 2026 +0100`,
    `${sha.slice(0, 7)} fix(auth): refresh the token before it expires`,
    `git checkout ${sha} && git cherry-pick ${r.chars(HEX, 40)}`,
    `Merge: ${r.chars(HEX, 7)} ${r.chars(HEX, 7)}`,
    `request_id=${uuid} session=${uuid}`,
    `https://example.com/path?x=${r.int(1, 99)}&page=${r.int(1, 9)}#top`,
    `ssh://git@github.com/acme/${r.pick(['api', 'web'])}.git and https://ada@acme.dev/private`,
    `src/auth/${r.pick(['token', 'password', 'secret'])}-store.ts:${r.int(1, 300)}:${r.int(1, 80)}`,
    'Please rotate the token and reset the password; the secret lives in the vault.',
    'password: see vault',
    'The API key is read from the environment; never paste credentials into chat.',
    `const token = await getToken(req);\nconst password = form.get('password');`,
    `token = tokens[${r.int(0, 9)}]\napi_key = os.environ["API_KEY"]`,
    'GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\nNPM_TOKEN: ${NPM_TOKEN}',
    `"max_tokens": ${r.int(256, 8192)}, "input_tokens": ${r.int(1, 9999)}, "token_type": "bearer"`,
    `node v20.${r.int(0, 19)}.${r.int(0, 9)}, typescript 5.9.3, build 2026.11.${r.int(1, 30)}`,
    `2026-11-24T10:${r.int(10, 59)}:${r.int(10, 59)}.${r.int(100, 999)}Z`,
    `assets/${base64url(`hero-${r.int(1, 999)}-banner`)}.png and img_${r.chars(ALNUM, 16)}.webp`,
    `"integrity": "sha512-${r.chars(ALNUM, 86)}=="`,
    `docker pull node@sha256:${r.chars(HEX, 64)}`,
    `#${r.chars(HEX, 6)} and 0x${r.chars(HEX, 8)}`,
    '[REDACTED:github-token] [REDACTED:generic-secret] Authorization: Bearer [REDACTED:authorization-header]',
    `PWD=/home/ada/src/api\nOLDPWD=/home/ada`,
    // Code that handles credentials without holding one.
    'const pass = !this.result.issues || this.result.issues.length === 0;\nconst encryptionKey = this.#encryptionKey;',
    'pass: matchResult?.pass ?? false, ownPass: !!ownPass',
    "opts.auth = `${username}:${password}`;\nheaders: { authorization: `Basic ${encodedAuth}` }",
    "user_pass = '%s:%s' % (user, password)\ncredentials = '{0}:{1}'.format(user, pw)",
    `SERVER_AUTH = '1.3.6.1.5.5.7.3.${r.int(1, 9)}'\nauth_host = 10.0.${r.int(0, 255)}.${r.int(1, 254)}`,
  ];
}

describe('look-alikes', () => {
  it('are not redacted', () => {
    for (let i = 0; i < ROUNDS; i++) {
      for (const s of benign(rng)) expect(redactText(s), `seed ${SEED}`).toBe(s);
    }
  });

  it('leave the demo transcript content that holds no credential untouched', () => {
    for (let i = 0; i < 200; i++) {
      const repo = rng.pick(REPOS).repo;
      const call = toolCallBody(rng, { repo });
      const edit = fileEditBody(rng, { repo });
      expect(redactValue(call.input)).toEqual(call.input);
      for (const s of [call.output ?? '', edit.before ?? '', edit.after ?? '', agentMessage(rng)]) expect(redactText(s)).toBe(s);
    }
  });
});

describe('idempotence', () => {
  it('redactText(redactText(x)) === redactText(x) for any mix of credentials, look-alikes and noise', () => {
    const pieces = (r: Random) => [
      ...CREDENTIAL_KINDS.map((k) => makeCredential(r, k).text),
      ...benign(r),
      r.chars(BASE64URL, 30),
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 200 }), fc.string({ maxLength: 12 })), { maxLength: 12 }), (parts) => {
        const pool = pieces(rng);
        const text = parts.map((p) => (typeof p === 'number' ? pool[p % pool.length]! : p)).join(rng.pick([' ', '\n', '=', '": "', ':']));
        const once = redactText(text);
        expect(redactText(once)).toBe(once);
      }),
      { seed: SEED | 0, numRuns: 300 },
    );
  });
});

describe('a bearer token of letters only', () => {
  // Found by seed 2269490126: a curl header inside a tool call's JSON input (\"…\") with a token
  // that happened to have no digits went through unredacted.
  const token = 'MAHokzhzsNPXugyJCgXbNsMSvBwXdlyejVIerTwv';
  it('is redacted in a curl command, plain and JSON-escaped', () => {
    const curl = `curl -sS -H "Authorization: Bearer ${token}" https://api.acme.dev/v1/invoices`;
    for (const text of [curl, JSON.stringify({ cmd: curl })]) expect(redactText(text)).not.toContain(token);
  });

  it('is redacted in an HTTP header line, and prose after a scheme word is not', () => {
    expect(redactText(`> Authorization: Bearer ${token}\n`)).not.toContain(token);
    expect(redactText('Authorization: Bearer authentication is described below')).toContain('authentication');
  });
});
