import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/temp-dir';

describe('--data pointing at a file', () => {
  const file = () => {
    const path = join(tempDir(), 'not-a-folder');
    writeFileSync(path, 'x');
    return path;
  };
  const token = () => {
    const path = join(tempDir(), 'token');
    writeFileSync(path, 'x\n');
    return path;
  };

  it.each([
    ['sync', (d: string) => ['sync', '--backend', 'ws://127.0.0.1:9/', '--token-file', token(), '--data', d, '--once', '--timeout', '2']],
    ['sessions', (d: string) => ['sessions', '--data', d]],
    ['transcript', (d: string) => ['transcript', 'fr_1', '--data', d]],
    ['approve', (d: string) => ['approve', 'fr_1', '--checkpoint', 'cp_1', '--backend', 'ws://127.0.0.1:9/', '--token-file', token(), '--data', d]],
    ['web', (d: string) => ['web', '--backend', 'demo', '--data', d]],
    ['profiles', (d: string) => ['profiles', '--data', d]],
    ['diagnostics', (d: string) => ['diagnostics', '--data', d, '--out', join(tempDir(), 'r.json')]],
  ])('%s says so in a sentence, not internal error: ENOTDIR', async (name, args) => {
    const path = file();
    const run = await cli(args(path));
    expect([run.code, run.stderr]).toEqual([1, `parrot-tray ${name}: ${path} is a file, not a directory: --data needs a folder (one that does not exist yet is created)\n`]);
  });
});
