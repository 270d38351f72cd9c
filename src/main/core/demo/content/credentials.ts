import { ALNUM, BASE64URL, HEX, type Random } from '../random';
import { BASE32_UPPER, DIGITS, base64, base64url, digits, distinct, pemBlock, wordless } from './secret-shapes';

export { BENIGN_LOOKALIKES } from './lookalikes';

/**
 * Fake but format-correct credentials, so the companion's redaction has real work to do.
 * Each value is shaped to match the gitleaks rule named beside it (regex, and entropy
 * above the rule's threshold); the surroundings are what an agent really prints.
 */
export const CREDENTIAL_KINDS = [
  'github-pat', // gitleaks github-pat
  'github-oauth', // github-oauth
  'github-user-to-server', // github-app-token (ghu_)
  'github-server-to-server', // github-app-token (ghs_)
  'github-refresh', // github-refresh-token
  'github-fine-grained-pat', // github-fine-grained-pat
  'aws-access-key', // aws-access-token
  'aws-secret-key', // generic-api-key; aws-secret-access-key in newer gitleaks
  'slack-token', // slack-bot-token / slack-user-token
  'stripe-secret-key', // stripe-access-token
  'openai-api-key', // openai-api-key
  'anthropic-api-key', // anthropic-api-key
  'google-api-key', // gcp-api-key
  'gitlab-pat', // gitlab-pat
  'npm-token', // npm-access-token
  'jwt', // jwt
  'private-key', // private-key
  'url-password', // no gitleaks default rule: needs a custom one
  'bearer', // curl-auth-header
  'basic-auth', // curl-auth-header
  'password-assignment', // generic-api-key (and database-password for DB_PASSWORD)
] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export interface Credential {
  kind: CredentialKind;
  /** The snippet as it would appear: an env line, a config entry, a curl command, a PEM block. */
  text: string;
  /** The exact substring a redactor must remove. */
  secret: string;
}

type Wrap = (secret: string) => string;

/** Places the secret in one of several realistic surroundings. */
function placed(rng: Random, secret: string, wraps: readonly Wrap[]): Omit<Credential, 'kind'> {
  return { secret, text: rng.pick(wraps)(secret) };
}

const JWT_HEADERS = ['HS256', 'RS256', 'ES256'].map((alg) => base64url(`{"alg":"${alg}","typ":"JWT"}`));

function jwt(rng: Random): string {
  const iat = rng.int(1_760_000_000, 1_800_000_000);
  const payload = `{"sub":"u_${rng.chars(DIGITS, 4)}","iss":"https://auth.acme.dev","aud":"acme-api","iat":${iat},"exp":${iat + 3600}}`;
  return `${rng.pick(JWT_HEADERS)}.${base64url(payload)}.${rng.chars(BASE64URL, 43)}`;
}

function openai(rng: Random): string {
  if (rng.chance(0.5)) return `sk-${rng.chars(ALNUM, 20)}T3BlbkFJ${rng.chars(ALNUM, 20)}`;
  // The project-key rule ends in \b, so the last character must be a word character.
  return `sk-proj-${rng.chars(BASE64URL, 74)}T3BlbkFJ${rng.chars(BASE64URL, 73)}${rng.chars(ALNUM, 1)}`;
}

function slack(rng: Random): string {
  if (rng.chance(0.5)) return `xoxb-${digits(rng, 11)}-${digits(rng, 13)}-${rng.chars(ALNUM, 24)}`;
  return `xoxp-${digits(rng, 11)}-${digits(rng, 11)}-${digits(rng, 13)}-${rng.chars(HEX, 32)}`;
}

function privateKey(rng: Random): string {
  if (rng.chance(0.5)) return pemBlock(rng, 'RSA PRIVATE KEY', 'MIIEpAIBAAKCAQEA', 64);
  return pemBlock(rng, 'OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAB', 70);
}

const MAKERS: Record<CredentialKind, (rng: Random) => Omit<Credential, 'kind'>> = {
  'github-pat': (rng) =>
    placed(rng, `ghp_${rng.chars(ALNUM, 36)}`, [
      (s) => `GITHUB_TOKEN=${s}`,
      (s) => `export GH_TOKEN=${s}`,
      (s) => `//npm.pkg.github.com/:_authToken=${s}`,
    ]),
  'github-oauth': (rng) =>
    placed(rng, `gho_${rng.chars(ALNUM, 36)}`, [(s) => `  oauth_token: ${s}`, (s) => `GH_OAUTH_TOKEN=${s}`]),
  'github-user-to-server': (rng) =>
    placed(rng, `ghu_${rng.chars(ALNUM, 36)}`, [(s) => `GITHUB_USER_TOKEN=${s}`, (s) => `  "token": "${s}",`]),
  'github-server-to-server': (rng) =>
    placed(rng, `ghs_${rng.chars(ALNUM, 36)}`, [(s) => `GITHUB_APP_INSTALLATION_TOKEN=${s}`, (s) => `  "token": "${s}",`]),
  'github-refresh': (rng) =>
    placed(rng, `ghr_${rng.chars(ALNUM, 36)}`, [(s) => `  "refresh_token": "${s}",`, (s) => `GITHUB_REFRESH_TOKEN=${s}`]),
  'github-fine-grained-pat': (rng) =>
    placed(rng, `github_pat_${rng.chars(ALNUM, 22)}_${rng.chars(ALNUM, 59)}`, [
      (s) => `GH_TOKEN=${s}`,
      (s) => `export GITHUB_TOKEN=${s}`,
    ]),
  'aws-access-key': (rng) =>
    placed(rng, `AKIA${distinct(rng, BASE32_UPPER, 16)}`, [
      (s) => `aws_access_key_id = ${s}`,
      (s) => `export AWS_ACCESS_KEY_ID=${s}`,
    ]),
  'aws-secret-key': (rng) =>
    placed(rng, wordless(rng, 40, DIGITS + '+/'), [
      (s) => `aws_secret_access_key = ${s}`,
      (s) => `export AWS_SECRET_ACCESS_KEY=${s}`,
    ]),
  'slack-token': (rng) => placed(rng, slack(rng), [(s) => `SLACK_BOT_TOKEN=${s}`, (s) => `  slack_token: "${s}"`]),
  'stripe-secret-key': (rng) =>
    placed(rng, `sk_live_${rng.chars(ALNUM, 34)}`, [(s) => `STRIPE_SECRET_KEY=${s}`, (s) => `stripe.api_key = "${s}"`]),
  'openai-api-key': (rng) => placed(rng, openai(rng), [(s) => `OPENAI_API_KEY=${s}`, (s) => `  "openai_api_key": "${s}",`]),
  'anthropic-api-key': (rng) =>
    placed(rng, `sk-ant-api03-${rng.chars(BASE64URL, 93)}AA`, [
      (s) => `ANTHROPIC_API_KEY=${s}`,
      (s) => `export ANTHROPIC_API_KEY="${s}"`,
    ]),
  'google-api-key': (rng) =>
    placed(rng, `AIzaSy${distinct(rng, BASE64URL, 33)}`, [(s) => `GOOGLE_MAPS_API_KEY=${s}`, (s) => `  "apiKey": "${s}",`]),
  'gitlab-pat': (rng) =>
    placed(rng, `glpat-${rng.chars(BASE64URL, 20)}`, [(s) => `GITLAB_TOKEN=${s}`, (s) => `  private_token: ${s}`]),
  'npm-token': (rng) =>
    placed(rng, `npm_${rng.chars(ALNUM, 36)}`, [(s) => `//registry.npmjs.org/:_authToken=${s}`, (s) => `NPM_TOKEN=${s}`]),
  jwt: (rng) =>
    placed(rng, jwt(rng), [
      (s) => `SESSION_JWT=${s}`,
      (s) => `  "access_token": "${s}",`,
      (s) => `  id_token: ${s}`,
    ]),
  'private-key': (rng) => placed(rng, privateKey(rng), [(s) => s]),
  'url-password': (rng) =>
    placed(rng, wordless(rng, 20), [
      (s) => `DATABASE_URL=postgres://deploy:${s}@db.internal:5432/app`,
      (s) => `REDIS_URL=redis://default:${s}@cache.internal:6379/0`,
      (s) => `  url: amqp://worker:${s}@mq.internal:5672/jobs`,
    ]),
  bearer: (rng) =>
    placed(rng, rng.chars(ALNUM, 40), [
      (s) => `curl -sS -H "Authorization: Bearer ${s}" https://api.acme.dev/v1/invoices?limit=5`,
      (s) => `curl -X POST https://deploy.acme.dev/hooks/api -H "Authorization: Bearer ${s}"`,
    ]),
  'basic-auth': (rng) =>
    placed(rng, base64(`ci-bot:${wordless(rng, 18)}`), [
      (s) => `curl -fsS -H "Authorization: Basic ${s}" https://registry.acme.dev/v2/_catalog`,
    ]),
  'password-assignment': (rng) =>
    placed(rng, wordless(rng, 24), [
      (s) => `DB_PASSWORD=${s}`,
      (s) => `  "api_key": "${s}",`,
      (s) => `SECRET_KEY = "${s}"`,
      (s) => `  password: ${s}`,
    ]),
};

export function makeCredential(rng: Random, kind: CredentialKind): Credential {
  return { kind, ...MAKERS[kind](rng) };
}
