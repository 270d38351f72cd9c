import type { z } from 'zod';
import type { ToolCallEntry } from '../../../../shared/protocol/transcript';
import type { Random } from '../random';
import { makeCredential, type CredentialKind } from './credentials';
import { leakFile } from './leak-sites';
import { repoProfile, type RepoProfile } from './repos';
import { gitLog, install, searchHits, snippet, testRun } from './tool-outputs';

export type ToolCallBody = z.infer<typeof ToolCallEntry>['toolCall'];

type Maker = (rng: Random, repo: RepoProfile, failed: boolean) => ToolCallBody;

function shell(cmd: string, output: string, failed: boolean, durationMs: number): ToolCallBody {
  return { name: 'shell', input: { cmd }, output, status: failed ? 'error' : 'ok', durationMs };
}

const MAKERS: readonly Maker[] = [
  (rng, repo, failed) => {
    const run = testRun(rng, repo.lang, failed);
    return shell(run.cmd, run.output, failed, rng.int(1_500, 30_000));
  },
  (rng, _repo, failed) => {
    const run = gitLog(rng, failed);
    return shell(run.cmd, run.output, failed, rng.int(20, 200));
  },
  (rng, repo, failed) => {
    const run = install(rng, repo.lang, failed);
    return shell(run.cmd, run.output, failed, rng.int(2_000, 20_000));
  },
  (rng, repo, failed) => {
    const path = rng.pick(repo.files);
    const output = failed ? `ENOENT: no such file or directory, open '${path}'` : snippet(rng, repo.lang);
    return { name: 'read_file', input: { path }, output, status: failed ? 'error' : 'ok', durationMs: rng.int(5, 40) };
  },
  (rng, repo, failed) => {
    const { query, output } = searchHits(rng, repo.lang);
    return {
      name: 'search',
      input: { query },
      output: failed ? 'rg: the search timed out after 10s' : output,
      status: failed ? 'error' : 'ok',
      durationMs: failed ? 10_000 : rng.int(30, 400),
    };
  },
  (rng, _repo, failed) => {
    const url = 'https://api.acme.dev/v1/health';
    const output = failed
      ? 'HTTP/1.1 503 Service Unavailable\nretry-after: 30\n\n{"error":"upstream_unavailable"}'
      : `HTTP/1.1 200 OK\ncontent-type: application/json\n\n{"status":"ok","version":"2.14.${rng.int(0, 9)}","uptimeSeconds":${rng.int(60, 900_000)}}`;
    return { name: 'http_request', input: { method: 'GET', url }, output, status: failed ? 'error' : 'ok', durationMs: rng.int(80, 1_500) };
  },
];

/**
 * The secret is drawn first, so `makeCredential(new Random(s), kind)` yields exactly the
 * credential inside `toolCallBody(new Random(s), { repo, secret: kind })`: a test can
 * know what a redactor must remove without this function returning it.
 */
function leakingCall(rng: Random, kind: CredentialKind): ToolCallBody {
  const credential = makeCredential(rng, kind);
  const file = leakFile(credential.text);
  if (rng.chance(0.5)) return shell(`cat ${file.path}`, file.with, false, rng.int(5, 60));
  return { name: 'read_file', input: { path: file.path }, output: file.with, status: 'ok', durationMs: rng.int(5, 40) };
}

/** A tool call with realistic input and output; about one in ten fails. */
export function toolCallBody(rng: Random, ctx: { repo: string; secret?: CredentialKind }): ToolCallBody {
  if (ctx.secret) return leakingCall(rng, ctx.secret);
  const failed = rng.chance(0.1);
  return rng.pick(MAKERS)(rng, repoProfile(ctx.repo), failed);
}
