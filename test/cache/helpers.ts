/** Shared by the cache tests: temp data dirs that are removed, and sessions around the test clock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openCache, type Cache, type OpenOptions } from '../../src/main/core/cache/cache';
import { DemoBackend } from '../../src/main/core/demo/server';
import type { Session } from '../../src/shared/protocol';
import { HOUR, MINUTE, NOW, SECOND, chat, checkpoint, flowRun, iso, task } from '../shared/fixtures';

const dirs: string[] = [];
const open: Cache[] = [];

afterEach(() => {
  for (const cache of open.splice(0)) cache.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parrot-cache-'));
  dirs.push(dir);
  return dir;
}

/** Opens (creating) a cache that is closed after the test; `close()` twice is harmless. */
export function freshCache(dir = tempDir(), options: OpenOptions = {}): Cache {
  const { cache } = openCache(dir, { create: true, now: () => NOW, ...options });
  open.push(cache);
  return cache;
}

/** Registers a cache opened elsewhere for closing after the test. */
export function track(cache: Cache): Cache {
  open.push(cache);
  return cache;
}

export const cacheFile = (dir: string): string => path.join(dir, 'cache.sqlite');

export function demoSessions(count = 300, seed = 1): Session[] {
  return new DemoBackend({ token: 't', seed, sessions: count, rate: 0, clock: () => NOW }).tenant.all();
}

const at = (ms: number): string => iso(NOW + ms);

/**
 * Sessions on every edge the shared rules draw: chats just inside and outside 30 minutes,
 * sessions just inside and outside 24 hours, each status, ties on updatedAt broken by ids whose
 * UTF-16 and UTF-8 orders differ, and titles that test case folding and LIKE escaping.
 */
export function edgeSessions(): Session[] {
  const out: Session[] = [];
  const chatOffsets = [-(29 * MINUTE + 59 * SECOND), -30 * MINUTE + 1, -30 * MINUTE, -(30 * MINUTE + 1 * SECOND), -5 * MINUTE, MINUTE];
  chatOffsets.forEach((offset, i) => {
    out.push(chat({ id: `ch_edge_${i}`, title: `Edge chat ${i}`, updatedAt: at(offset), chat: { lastMessageAt: at(offset) } }));
    out.push(chat({ id: `ch_edge_ended_${i}`, title: `Ended chat ${i}`, status: 'ended', updatedAt: at(offset), chat: { lastMessageAt: at(offset), ended: true } }));
    // The status and the flag disagree: either one ends the chat (isChatEnded).
    out.push(chat({ id: `ch_edge_flag_${i}`, status: 'open', updatedAt: at(offset), chat: { lastMessageAt: at(offset), ended: true } }));
    out.push(chat({ id: `ch_edge_status_${i}`, status: 'ended', updatedAt: at(offset), chat: { lastMessageAt: at(offset), ended: false } }));
    out.push(chat({ id: `ch_edge_odd_${i}`, status: 'archived', updatedAt: at(offset), chat: { lastMessageAt: at(offset) } }));
  });
  const recentOffsets = [-(23 * HOUR + 59 * MINUTE + 59 * SECOND), -24 * HOUR + 1, -24 * HOUR, -24 * HOUR - 1, -(24 * HOUR + 1 * SECOND), -3 * 24 * HOUR, 5 * MINUTE];
  const flowStatuses = ['pending', 'running', 'paused', 'succeeded', 'failed', 'rejected', 'cancelled', 'mystery'];
  const taskStatuses = ['provisioning', 'queued', 'running', 'waiting', 'completed', 'failed', 'cancelled', 'constructor'];
  recentOffsets.forEach((offset, i) => {
    flowStatuses.forEach((status, j) => {
      out.push(flowRun({ id: `fr_edge_${i}_${j}`, status, updatedAt: at(offset), ...(status === 'paused' ? { checkpoint: checkpoint(`cp_${i}_${j}`) } : {}) }));
    });
    taskStatuses.forEach((status, j) => out.push(task({ id: `bt_edge_${i}_${j}`, status, updatedAt: at(offset) })));
    // A chat whose last message is long gone but which moved (updatedAt) at the edge.
    out.push(chat({ id: `ch_moved_${i}`, updatedAt: at(offset), chat: { lastMessageAt: at(-2 * HOUR) } }));
  });
  // Ties on updatedAt: U+FF5E sorts after a surrogate pair in UTF-16 but before it in UTF-8.
  for (const id of ['tie_\uFF5E', 'tie_\u{1F600}', 'tie_a', 'tie_B', 'tie_', 'tie_\u00E9']) {
    out.push(flowRun({ id, status: 'succeeded', updatedAt: at(-HOUR) }));
    out.push(flowRun({ id: `live_${id}`, status: 'running', updatedAt: at(-HOUR) }));
  }
  const titles = ['Straße Upgrade', 'İstanbul deploy', 'ÜBER große Änderung', '100% done_ok', 'under_score', 'back\\slash', 'Quote "me"', 'CamelCaseTitle', 'ab', 'x'];
  titles.forEach((title, i) => out.push(task({ id: `bt_title_${i}`, title, status: i % 2 ? 'running' : 'completed', updatedAt: at(-i * HOUR) })));
  const owners = [
    { id: 'u_grace', name: 'Grace Hopper' },
    { id: 'u_linus', name: 'Linus' },
  ];
  out.forEach((s, i) => {
    if (i % 3 === 0) s.owner = owners[i % 2]!;
    if (i % 4 === 0) s.initiative = { id: `in_edge_${i % 3}`, name: `Initiative ${i % 3}` };
    if (i % 5 === 0) s.plan = { id: `pl_edge_${i % 2}`, name: `Plan ${i % 2}` };
    if (i % 7 === 0) s.initiative = null;
  });
  return out;
}
