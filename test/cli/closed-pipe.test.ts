import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/main/core/cache/cache';
import { flowRun, iso, NOW } from '../shared/fixtures';
import { BIN } from '../support/cli';
import { tempDir } from '../support/temp-dir';

describe('parrot-tray whose reader goes away', () => {
  it('`sessions | head` stops quietly with exit 0, not with an escaped EPIPE', async () => {
    const data = tempDir();
    const { cache } = openCache(data, { create: true });
    cache.applySnapshot(Array.from({ length: 3000 }, (_, i) => flowRun({ id: `fr_${i}`, title: `Run ${i}`, updatedAt: iso(NOW - i * 1000) })), 1);
    cache.close();
    const child = spawn(process.execPath, [BIN, 'sessions', '--data', data, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // What `head -1` does: read the first chunk, then close the pipe.
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [code] = await once(child, 'close');
    expect(stderr).not.toMatch(/EPIPE|escaped/);
    expect(code).toBe(0);
  });
});
