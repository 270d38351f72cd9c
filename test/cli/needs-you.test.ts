import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/protocol';
import { chat, flowRun, task } from '../shared/fixtures';
import { cli } from '../support/cli';
import { faultyBackend } from '../support/faulty-backend';
import { tempDir } from '../support/temp-dir';

const MINUTE = 60_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const GRACE = { id: 'u_grace', name: 'Grace Hopper' };

/** 40 active sessions, 5 of them at a checkpoint (waits out of order), and failures old and new, Ada's and Grace's. */
function tenant(): Session[] {
  const waits = [7, 42, 3, 19, 88];
  const active: Session[] = Array.from({ length: 40 }, (_, i) =>
    i % 8 === 0
      ? flowRun({ id: `fr_wait_${i}`, status: 'paused', updatedAt: iso(i * MINUTE), checkpoint: { id: `cp_${i}`, prompt: `Go on with ${i}?`, requestedAt: iso(waits[i / 8]! * MINUTE) } })
      : i % 2 === 0
        ? task({ id: `bt_${i}`, status: 'running', updatedAt: iso(i * 1000) })
        : chat({ id: `ch_${i}`, updatedAt: iso(i * 1000), chat: { lastMessageAt: iso(i * 1000) } }),
  );
  return [
    ...active,
    flowRun({ id: 'fr_mine_failed', status: 'failed', updatedAt: iso(5 * MINUTE), error: { code: 'ENOSPC', message: 'disk full' } }),
    flowRun({ id: 'fr_mine_failed_long_ago', status: 'failed', updatedAt: iso(3 * 24 * 60 * MINUTE) }),
    flowRun({ id: 'fr_graces_failed', status: 'failed', owner: GRACE, updatedAt: iso(MINUTE) }),
  ];
}

describe('parrot-tray sessions --view needs-you', () => {
  it('lists every pending checkpoint oldest wait first, then my fresh failures, as the popover does', async () => {
    const backend = await faultyBackend({ sessions: tenant(), seq: 3 });
    const data = tempDir();
    const token = join(tempDir(), 'token');
    writeFileSync(token, 'independent-token\n');
    const sync = await cli(['sync', '--backend', backend.url, '--token-file', token, '--data', data, '--once', '--timeout', '60']);
    expect(sync.code).toBe(0);

    const listed = await cli(['sessions', '--data', data, '--view', 'needs-you', '--json']);
    expect(listed.code).toBe(0);
    const rows = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; needsYou: string; waitedMs: number });
    // Waits of 88, 42, 19, 7 and 3 minutes: fr_wait_32, _8, _24, _0, _16.
    expect(rows.map((r) => r.id)).toEqual(['fr_wait_32', 'fr_wait_8', 'fr_wait_24', 'fr_wait_0', 'fr_wait_16', 'fr_mine_failed']);
    expect(rows.map((r) => r.needsYou)).toEqual(['checkpoint', 'checkpoint', 'checkpoint', 'checkpoint', 'checkpoint', 'failed']);
    expect(rows[0]!.waitedMs).toBeGreaterThanOrEqual(88 * MINUTE);

    const table = await cli(['sessions', '--data', data, '--view', 'needs-you']);
    expect(table.stdout.split('\n')[1]).toMatch(/paused \(approval needed\)/);
  });

  it('refuses an unknown view in words', async () => {
    const result = await cli(['sessions', '--data', tempDir(), '--view', 'needs-me']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--view must be one of needs-you, active, recent, all/);
  });
});
