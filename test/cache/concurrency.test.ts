import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/main/core/cache/cache';
import { NOW, flowRun } from '../shared/fixtures';
import { SNAPSHOT_EVERY, modelAt } from './kill-model';
import { cacheFile, freshCache, tempDir, track } from './helpers';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** A TypeScript child on plain Node, as the CLI runs: `node --import tsx`. */
function child(script: string, args: string[]): ChildProcess & { output: Promise<string>; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', here(script), ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const output = exited.then((code) => {
    if (code !== 0 && proc.signalCode === null) throw new Error(`${script} exited with ${code}: ${err}`);
    return out;
  });
  return Object.assign(proc, { output, exited });
}

async function waitForLine(proc: ChildProcess, prefix: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let seen = '';
  proc.stdout!.on('data', (d: Buffer) => (seen += d.toString()));
  while (!seen.split('\n').some((l) => l.startsWith(prefix))) {
    if (Date.now() > until || proc.exitCode !== null) throw new Error(`no "${prefix}" from the child`);
    await sleep(5);
  }
}

describe('another reader while sync writes', () => {
  it('a read-only connection reads the last committed state while a write transaction is open', () => {
    const dir = tempDir();
    const writer = freshCache(dir);
    writer.applySnapshot([flowRun({ id: 'fr_1' })], 1);
    const reader = track(openCache(dir, { readonly: true, busyTimeoutMs: 10 }).cache);
    const raw = new Database(cacheFile(dir));
    try {
      raw.exec('BEGIN IMMEDIATE');
      raw.prepare("UPDATE meta SET value = '999' WHERE key = 'cache.cursor'").run();
      // No busy wait, no error: WAL readers see the snapshot committed before the write began.
      expect(reader.cursor()).toBe(1);
      expect(reader.count({ view: 'all' }, NOW)).toBe(1);
      raw.exec('ROLLBACK');
    } finally {
      raw.close();
    }
    writer.applyChanges([{ seq: 2, op: 'upsert', session: flowRun({ id: 'fr_2' }) }]);
    // Held (cache/held-transaction): the writer's views see it, the file does not until the flush.
    expect(writer.cursor()).toBe(2);
    expect(writer.count({ view: 'all' }, NOW)).toBe(2);
    expect(reader.cursor()).toBe(1);
    expect(writer.flush()).toBe(true);
    expect(reader.cursor()).toBe(2);
    expect(reader.count({ view: 'all' }, NOW)).toBe(2);
  });

  it('another process reads consistently while this one writes and flushes', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const writer = freshCache(dir);
    writer.applySnapshot([], 0);
    const reader = child('./read-child.ts', [dir, '1500']);
    let seq = 0;
    const started = Date.now();
    // Write until the reader is done (it reads for 1.5 s once it has started, tsx start-up aside).
    while (reader.exitCode === null && Date.now() - started < 30_000) {
      for (let i = 0; i < 5; i++) {
        seq++;
        writer.applyChanges([{ seq, op: 'upsert', session: flowRun({ id: `s_${seq}`, title: `seq ${seq}` }) }]);
      }
      writer.flush();
      await sleep(1);
    }
    const seen = JSON.parse(await reader.output) as { reads: number; distinctCursors: number; maxCursor: number; problems: string[] };
    expect(seen.problems).toEqual([]);
    expect(seen.reads).toBeGreaterThan(10);
    // It saw the writer move, not one frozen snapshot.
    expect(seen.distinctCursors).toBeGreaterThan(2);
    expect(seen.maxCursor).toBeLessThanOrEqual(seq);
  });
});

describe('kill -9 of a writer', () => {
  function check(dir: string): number | null {
    const file = cacheFile(dir);
    if (!fs.existsSync(file)) return null;
    // A reader (the CLI) comes first after the crash, before any writer has tidied up.
    let seenByReader: number | null | undefined;
    try {
      const reader = openCache(dir, { readonly: true }).cache;
      seenByReader = reader.cursor();
      reader.close();
    } catch (err) {
      // Killed before the schema was committed: the reader rightly finds no cache yet.
      expect((err as Error).message).toMatch(/^no cache at /);
    }
    const raw = new Database(file);
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      // The hand-kept title index still matches the sessions table.
      raw.prepare("INSERT INTO sessions_fts (sessions_fts, rank) VALUES ('integrity-check', 1)").run();
    } finally {
      raw.close();
    }
    const { cache, notice } = openCache(dir, {});
    try {
      expect(notice).toBeNull();
      const cursor = cache.cursor();
      if (seenByReader !== undefined) expect(seenByReader).toBe(cursor);
      const model = modelAt(cursor ?? 0);
      expect(cache.count({ view: 'all' }, NOW)).toBe(model.size);
      for (const [id, session] of model) expect(cache.getSession(id), `${id} at cursor ${cursor}`).toEqual(session);
      return cursor;
    } finally {
      cache.close();
    }
  }

  it('leaves an intact cache whose cursor agrees with its sessions, at any moment', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const cursors: Array<number | null> = [];
    // At least 6 kills, and on until the history has crossed a few snapshots (a slow machine needs more).
    for (let round = 0; round < 6 || ((cursors.at(-1) ?? 0) < 3 * SNAPSHOT_EVERY && round < 30); round++) {
      const writer = child('./kill-writer.ts', [dir]);
      // The first round may die anywhere: starting up, creating the file, migrating, writing.
      if (round > 0) await waitForLine(writer, 'ready');
      await sleep(round === 0 ? 200 + Math.random() * 800 : 20 + Math.random() * 400);
      writer.kill('SIGKILL');
      await writer.exited;
      expect(writer.signalCode).toBe('SIGKILL');
      cursors.push(check(dir));
    }
    const reached = cursors.filter((c): c is number => c !== null);
    expect(reached.length).toBeGreaterThanOrEqual(cursors.length - 1);
    // Each round resumed where the last one's cursor stood: never behind it.
    for (let i = 1; i < reached.length; i++) expect(reached[i]!).toBeGreaterThanOrEqual(reached[i - 1]!);
    expect(reached.at(-1)!).toBeGreaterThanOrEqual(3 * SNAPSHOT_EVERY);
  });
});
