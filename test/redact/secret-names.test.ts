import { describe, expect, it } from 'vitest';
import { isPlaceholder, isSecretKeyName, looksLikeSecretValue } from '../../src/main/core/redact/secret-names';
import { wordless } from '../../src/main/core/demo/content/secret-shapes';
import { useSeededRandom } from './support';

const rng = useSeededRandom(0x5e);

describe('isSecretKeyName', () => {
  it.each([
    'password', 'DB_PASSWORD', 'dbPassword', 'DBPassword', 'PGPASSWORD', 'db-passwd', 'passphrase', 'DB_PWD', 'dbPwd',
    'secret', 'client_secret', 'clientSecret', 'token', 'GITHUB_TOKEN', 'access_token', '_authToken', 'x-auth-token',
    'auth', 'Authorization', 'credentials', 'apiKey', 'api_key', 'x-api-key', 'API-KEY', 'apikey', 'SECRET_KEY',
    'aws_secret_access_key', 'private_key', 'signingKey', 'encryption_key',
  ])('%s names a credential', (key) => expect(isSecretKeyName(key)).toBe(true));

  it.each([
    'max_tokens', 'input_tokens', 'tokenizer', 'token_type', 'tokenUrl', 'password_hash', 'passwordless', 'author',
    'authority', 'oauth', 'bypass', 'compass', 'PWD', 'OLDPWD', 'cache_key', 'key', 'primaryKey', 'keyId', 'secretName',
    'auth_url', 'DB_PASSWORD_FILE',
  ])('%s does not', (key) => expect(isSecretKeyName(key)).toBe(false));
});

describe('isPlaceholder', () => {
  it.each(['$TOKEN', '${API_KEY}', '${{ secrets.NPM_TOKEN }}', '{{ .Values.password }}', '<your-token>', '%PASSWORD%', '********',
    'xxxx', '${user}:${password}', '$USER:$TOKEN', '%s:%s', '{0}:{1}', 'Basic ${encoded}'])(
    '%s refers to a secret without holding it',
    (v) => expect(isPlaceholder(v)).toBe(true),
  );

  it('is false for a real value, even one with a dollar sign in it', () => {
    expect(isPlaceholder(`${wordless(rng, 4)}$${wordless(rng, 4)}`)).toBe(false);
    expect(isPlaceholder(wordless(rng, 12))).toBe(false);
  });
});

describe('looksLikeSecretValue', () => {
  it('accepts generated passwords, quoted or not, and short ones only when quoted', () => {
    expect(looksLikeSecretValue(wordless(rng, 10), false)).toBe(true);
    expect(looksLikeSecretValue(wordless(rng, 4), true)).toBe(true);
    expect(looksLikeSecretValue(wordless(rng, 4), false)).toBe(false);
  });

  it.each([
    ['required', false], ['Enter your password', true], ['process.env.API_KEY', false], ['this.#encryptionKey', false],
    ['!this.result.issues', false], ['result?.pass', false], ['/run/secrets/db_password', false], ['./token.txt', false],
    ['https://auth.acme.dev/token', false], ['2.14.3', false], ['1.3.6.1.5.5.7.3.1', false], ['[REDACTED:jwt]', false],
  ] as const)('rejects %s (quoted: %s)', (value, quoted) => expect(looksLikeSecretValue(value, quoted)).toBe(false));
});
