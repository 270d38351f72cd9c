import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoBackend } from '../../../src/main/core/demo/server';
import { CliProcess, ensureCliBuilt, removeDir, scratchDir } from './cli-process';
import { check, SECRET } from './words';

/**
 * What the CLI targets run against: a demo backend that takes the test's token, token files, and a
 * template of data dirs each run copies: `legacy` (one cache at the top, as before profiles) and
 * `profiles` (profiles.json and profiles/acme/), both synced once.
 */
export interface CliFixture {
  backend: DemoBackend;
  url: string;
  root: string;
  template: string;
  tokenFile: string;
}

export async function startCliFixture(prefix: string): Promise<CliFixture> {
  ensureCliBuilt();
  const backend = new DemoBackend({ token: SECRET, rate: 0, sessions: 12, seed: 5 });
  const url = await backend.start();
  const root = scratchDir(prefix);
  const tokenFile = join(root, 'token');
  writeFileSync(tokenFile, `${SECRET}\n`);
  const template = join(root, 'template');
  try {
    for (const args of [
      ['sync', '--once', '--backend', url, '--token-file', tokenFile, '--data', join(template, 'legacy')],
      ['profiles', 'add', 'Acme', '--backend', url, '--token-file', tokenFile, '--data', join(template, 'profiles')],
      ['sync', '--once', '--data', join(template, 'profiles')],
    ]) {
      const done = await new CliProcess(args).exited;
      check(done.code === 0, `preparing the data dirs failed: ${args.slice(0, 2).join(' ')} exited ${done.code}: ${done.stderr}`);
    }
  } catch (error) {
    await stopCliFixture({ backend, url, root, template, tokenFile });
    throw error;
  }
  return { backend, url, root, template, tokenFile };
}

export async function stopCliFixture(fixture: CliFixture): Promise<void> {
  await fixture.backend.stop();
  removeDir(fixture.root);
}

/** After the runs: the backend still serves a plain sync into a new folder. */
export async function expectPlainSync(fixture: CliFixture): Promise<void> {
  const done = await new CliProcess(['sync', '--once', '--backend', fixture.url, '--token-file', fixture.tokenFile, '--data', join(fixture.root, 'settle')]).exited;
  check(done.code === 0, `a plain sync after the runs exited ${done.code}: ${done.stderr}`);
}
