import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCache, type Cache, type SessionQuery } from '../../src/main/core/cache/cache';
import type { Session } from '../../src/shared/protocol';
import { commandCenterView, isActive, orderSessions } from '../../src/shared/sessions';
import { HOUR, MINUTE, NOW, SECOND, chat, checkpoint, flowRun } from '../shared/fixtures';
import { demoSessions, edgeSessions, freshCache, tempDir } from './helpers';

/** The same question answered by the shared pure functions over an array: what the cache must agree with. */
function expected(all: readonly Session[], q: SessionQuery, now: number): Session[] {
  const needle = q.search?.toLowerCase() ?? '';
  const matching = all.filter(
    (s) =>
      (q.kind === undefined || s.kind === q.kind) &&
      (q.ownerId === undefined || s.owner.id === q.ownerId) &&
      (q.initiativeId === undefined || s.initiative?.id === q.initiativeId) &&
      (q.planId === undefined || s.plan?.id === q.planId) &&
      s.title.toLowerCase().includes(needle),
  );
  const view = commandCenterView(matching, now);
  const list = q.view === 'active' ? view.activeNow : q.view === 'recent' ? view.recent : orderSessions(matching, now);
  const offset = q.offset ?? 0;
  return list.slice(offset, q.limit === undefined ? undefined : offset + q.limit);
}

const idsOf = (sessions: Session[]) => sessions.map((s) => s.id);

let all: Session[];
let cache: Cache;
let dir: string;

beforeAll(() => {
  all = [...demoSessions(300), ...edgeSessions()];
  // One cache for the whole file, so not through the helpers (they clean up after each test).
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parrot-cache-query-'));
  cache = openCache(dir, { create: true }).cache;
  cache.applySnapshot(all, 1);
  return () => {
    cache.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
});

const NOWS = [NOW, NOW - 1, NOW + 1, NOW + SECOND, NOW + 30 * MINUTE, NOW + 2 * HOUR, NOW + 25 * HOUR, NOW - 24 * HOUR];
const VIEWS = ['active', 'recent', 'all'] as const;

function filterSets(): Array<Omit<SessionQuery, 'view'>> {
  const owners = [...new Set(all.map((s) => s.owner.id))];
  const initiatives = [...new Set(all.map((s) => s.initiative?.id).filter((x): x is string => !!x))];
  const plans = [...new Set(all.map((s) => s.plan?.id).filter((x): x is string => !!x))];
  return [
    {},
    { kind: 'flow_run' },
    { kind: 'background_task' },
    { kind: 'chat' },
    ...owners.map((ownerId) => ({ ownerId })),
    { ownerId: 'u_nobody' },
    ...initiatives.map((initiativeId) => ({ initiativeId })),
    ...plans.map((planId) => ({ planId })),
    { kind: 'chat', ownerId: owners[0]! },
    { kind: 'flow_run', initiativeId: initiatives[0]!, planId: plans[0]! },
    { search: 'dep' },
    { search: 'DEP', kind: 'flow_run' },
    { ownerId: 'u_grace', search: 'session' },
  ];
}

describe('queries agree with src/shared/sessions', () => {
  it('for every view and filter at several clock values', () => {
    // Not a vacuous comparison: the fixture has sessions on both sides of every line.
    expect(cache.count({ view: 'active' }, NOW)).toBeGreaterThan(20);
    expect(cache.count({ view: 'recent' }, NOW)).toBeGreaterThan(20);
    expect(cache.count({ view: 'all' }, NOW)).toBe(all.length);
    let compared = 0;
    for (const now of NOWS) {
      for (const view of VIEWS) {
        for (const filters of filterSets()) {
          const q: SessionQuery = { view, ...filters };
          const want = expected(all, q, now);
          expect(idsOf(cache.query(q, now)), JSON.stringify({ q, now })).toEqual(idsOf(want));
          expect(cache.count(q, now), JSON.stringify({ q, now })).toBe(want.length);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('returns the sessions themselves, equal to what went in', () => {
    const byId = new Map(all.map((s) => [s.id, s]));
    for (const s of cache.query({ view: 'all' }, NOW)) expect(s).toEqual(byId.get(s.id));
  });

  it('pages with limit and offset across the active/rest seam', () => {
    for (const now of [NOW, NOW + 25 * HOUR]) {
      const active = cache.count({ view: 'active' }, now);
      for (const view of VIEWS) {
        for (const [offset, limit] of [[0, 7], [3, 5], [active - 2, 5], [active, 3], [active + 4, 10], [0, 0], [10_000, 5], [5, undefined]] as const) {
          const q: SessionQuery = { view, offset: Math.max(0, offset), ...(limit === undefined ? {} : { limit }) };
          expect(idsOf(cache.query(q, now)), JSON.stringify({ q, now })).toEqual(idsOf(expected(all, q, now)));
        }
      }
    }
  });

  it('draws the 30-minute and 24-hour lines exactly where isActive and isRecent do', () => {
    const active = new Set(idsOf(cache.query({ view: 'active' }, NOW)));
    const recent = new Set(idsOf(cache.query({ view: 'recent' }, NOW)));
    expect(active.has('ch_edge_0')).toBe(true); // last message 29:59 ago
    expect(active.has('ch_edge_1')).toBe(true); // 30 min minus 1 ms
    expect(active.has('ch_edge_2')).toBe(false); // exactly 30 min: quiet
    expect(recent.has('ch_edge_2')).toBe(true);
    expect(active.has('ch_edge_3')).toBe(false); // 30:01
    for (const i of [0, 1, 2, 3, 4, 5]) {
      expect(active.has(`ch_edge_ended_${i}`)).toBe(false);
      expect(active.has(`ch_edge_flag_${i}`)).toBe(false);
      expect(active.has(`ch_edge_status_${i}`)).toBe(false);
    }
    expect(active.has('ch_edge_odd_0')).toBe(true); // an unknown chat status is not "ended"
    // fr_edge_<offset>_3 is a succeeded flow run: 23:59:59, 24 h - 1 ms, exactly 24 h, 24 h + 1 ms, 24:00:01.
    expect([0, 1, 2, 3, 4].map((i) => recent.has(`fr_edge_${i}_3`))).toEqual([true, true, true, false, false]);
    // A chat goes quiet on the clock alone: one second later the 29:59 chat has left Active Now.
    expect(idsOf(cache.query({ view: 'active' }, NOW + SECOND))).not.toContain('ch_edge_0');
    expect(idsOf(cache.query({ view: 'recent' }, NOW + SECOND))).toContain('ch_edge_0');
    // The live statuses are active whatever their age.
    for (const s of all.filter((x) => x.id.startsWith('fr_edge_5_'))) expect(active.has(s.id)).toBe(isActive(s, NOW));
  });

  it('breaks ties on updatedAt by id in JavaScript string order, not UTF-8 byte order', () => {
    const ties = idsOf(cache.query({ view: 'all' }, NOW)).filter((id) => id.startsWith('tie_'));
    expect(ties).toEqual(['tie_', 'tie_B', 'tie_a', 'tie_\u00E9', 'tie_\u{1F600}', 'tie_\uFF5E']);
  });
});

describe('title search', () => {
  const needles = ['dep', 'DEP', 'Upgrade', 'straße', 'STRASSE', 'über', 'große', 'İstanbul', 'i̇st', 'İ', '100%', '%', '_', 'e_o', 'r_s', '\\', 'back\\s', '"', 'quote "', 'ab', 'a', 'x', 'X', 'camelcase', 'elC', 'zzzz', ' ', 'session ch'];
  it.each(needles)('finds %j as a case-insensitive substring, like the JavaScript rule', (search) => {
    for (const view of VIEWS) {
      for (const now of [NOW, NOW + 25 * HOUR]) {
        const q: SessionQuery = { view, search };
        expect(idsOf(cache.query(q, now)), JSON.stringify(q)).toEqual(idsOf(expected(all, q, now)));
        expect(cache.count(q, now)).toBe(expected(all, q, now).length);
      }
    }
  });

  it('matches substrings inside words, and 1-2 characters through the LIKE fallback', () => {
    const titles = (search: string) => cache.query({ view: 'all', search }, NOW).map((s) => s.title);
    expect(titles('amelca')).toEqual(['CamelCaseTitle']);
    expect(titles('Ü')).toContain('ÜBER große Änderung');
    expect(titles('%')).toEqual(['100% done_ok']);
    expect(titles('_')).toEqual(expect.arrayContaining(['100% done_ok', 'under_score']));
    expect(titles('_').every((t) => t.includes('_'))).toBe(true);
  });

  it('follows title changes and removals', () => {
    const small = freshCache(tempDir());
    small.applySnapshot([flowRun({ id: 'fr_1', title: 'Alpha release' }), flowRun({ id: 'fr_2', title: 'Beta' })], 1);
    expect(idsOf(small.query({ view: 'all', search: 'alpha' }, NOW))).toEqual(['fr_1']);
    small.applyChanges([
      { seq: 2, op: 'upsert', session: flowRun({ id: 'fr_1', title: 'Gamma release' }) },
      { seq: 3, op: 'upsert', session: flowRun({ id: 'fr_2', title: 'Alphabet' }) },
      { seq: 4, op: 'upsert', session: chat({ id: 'ch_9', title: 'ALPHA chat' }) },
      { seq: 5, op: 'remove', id: 'ch_9' },
    ]);
    expect(idsOf(small.query({ view: 'all', search: 'alpha' }, NOW))).toEqual(['fr_2']);
    expect(idsOf(small.query({ view: 'all', search: 'gamma' }, NOW))).toEqual(['fr_1']);
    small.applySnapshot([flowRun({ id: 'fr_3', title: 'Alpha again' })], 10);
    expect(idsOf(small.query({ view: 'all', search: 'alpha' }, NOW))).toEqual(['fr_3']);
    // Removed and re-added unchanged in one batch: no change to report, but a new row to index.
    const again = flowRun({ id: 'fr_3', title: 'Alpha again' });
    expect(small.applyChanges([{ seq: 11, op: 'remove', id: 'fr_3' }, { seq: 12, op: 'upsert', session: again }])).toEqual([]);
    expect(idsOf(small.query({ view: 'all', search: 'alpha' }, NOW))).toEqual(['fr_3']);
    small.close();
    const raw = new Database(small.path);
    // The hand-kept title index agrees with the table, row for row.
    raw.prepare("INSERT INTO sessions_fts (sessions_fts, rank) VALUES ('integrity-check', 1)").run();
    raw.close();
  });

  it('finds a common word page by page in the same order as the unfiltered list (the recency walk)', () => {
    const cache = freshCache(tempDir());
    // 700 of 1,200 titles share a word, past the point where the search walks the recency index.
    const sessions = demoSessions(1200).map((s, i) => ({ ...s, id: `${s.id}_${i}`, title: i % 12 < 7 ? `Zebrafish ${s.title}` : s.title }));
    cache.applySnapshot(sessions, 1);
    const expected = cache.query({ view: 'all' }, NOW).filter((s) => s.title.toLowerCase().includes('zebrafish')).map((s) => s.id);
    expect(expected).toHaveLength(700);
    for (const offset of [0, 50, 333, 690]) {
      expect(idsOf(cache.query({ view: 'all', search: 'ZEBRAFISH', limit: 50, offset }, NOW))).toEqual(expected.slice(offset, offset + 50));
    }
    expect(cache.count({ view: 'all', search: 'zebrafish' }, NOW)).toBe(700);
  });

  it('keeps the title index in step across the flushes inside one long write', () => {
    const cache = freshCache(tempDir());
    cache.applySnapshot([], 1);
    // 1,500 upserts over 300 sessions in one batch: each title changes several times, across
    // several index flushes (every 512 rows), and only the last title may be found.
    const items = Array.from({ length: 1000 }, (_, i) => ({
      seq: i + 2,
      op: 'upsert' as const,
      session: flowRun({ id: `fr_${i % 300}`, title: `round ${Math.floor(i / 300)} item ${i % 300}` }),
    }));
    cache.applyChanges(items);
    expect(cache.count({ view: 'all', search: 'round 3 item' }, NOW)).toBe(100);
    expect(cache.count({ view: 'all', search: 'round 2 item' }, NOW)).toBe(200);
    expect(cache.count({ view: 'all', search: 'round 0 item' }, NOW)).toBe(0);
    cache.close();
    const raw = new Database(cache.path);
    raw.prepare("INSERT INTO sessions_fts (sessions_fts, rank) VALUES ('integrity-check', 1)").run();
    raw.close();
  });
});

describe('facets', () => {
  it('list each owner, initiative and plan once, by name', () => {
    const unique = (refs: Array<{ id: string; name: string } | null | undefined>) =>
      [...new Map(refs.filter((r): r is { id: string; name: string } => !!r).map((r) => [r.id, { id: r.id, name: r.name }])).values()].sort(
        (a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
      );
    expect(cache.owners()).toEqual(unique(all.map((s) => s.owner)));
    expect(cache.initiatives()).toEqual(unique(all.map((s) => s.initiative)));
    expect(cache.plans()).toEqual(unique(all.map((s) => s.plan)));
  });

  it('name an owner by their newest session', () => {
    const small = freshCache(tempDir());
    small.applySnapshot(
      [
        flowRun({ id: 'fr_old', owner: { id: 'u_1', name: 'Old Name' }, updatedAt: new Date(NOW - HOUR).toISOString() }),
        flowRun({ id: 'fr_new', owner: { id: 'u_1', name: 'New Name' }, updatedAt: new Date(NOW - MINUTE).toISOString() }),
      ],
      1,
    );
    expect(small.owners()).toEqual([{ id: 'u_1', name: 'New Name' }]);
    expect(small.initiatives()).toEqual([]);
  });
});

describe('deep pages and the counts live queries read', () => {
  // 2,600 sessions: deep offsets take the index walk (past 1,000 into the rest), and live
  // sessions spread through the whole time range make it take several rounds.
  const big = (): Session[] => {
    const demo = demoSessions(2400).map((s, i) => ({ ...s, id: `${s.id}_${i}`, updatedAt: new Date(NOW - i * 7 * MINUTE).toISOString() }));
    const scattered = Array.from({ length: 200 }, (_, i) =>
      flowRun({ id: `fr_live_${i}`, status: i % 3 ? 'running' : 'paused', owner: { id: i % 2 ? 'u_ada' : 'u_zed', name: 'n' }, updatedAt: new Date(NOW - i * 83 * MINUTE).toISOString(), ...(i % 3 ? {} : { checkpoint: checkpoint(`cp_${i}`) }) }),
    );
    return [...demo, ...scattered];
  };

  it('pages deep into the rest exactly as the shared rules order it, with each single filter', () => {
    const sessions = big();
    const c = freshCache(tempDir());
    c.applySnapshot(sessions, 1);
    const ownerId = sessions[0]!.owner.id;
    const initiativeId = sessions.find((s) => s.initiative)!.initiative!.id;
    const planId = sessions.find((s) => s.plan)!.plan!.id;
    for (const filters of [{}, { kind: 'flow_run' as const }, { kind: 'chat' as const }, { ownerId }, { ownerId: 'u_zed' }, { initiativeId }, { planId }, { kind: 'chat' as const, ownerId }]) {
      const total = expected(sessions, { view: 'all', ...filters }, NOW).length;
      for (const offset of [1000, 1001, 1337, total - 40, total - 1, total, total + 5]) {
        for (const limit of [0, 1, 50]) {
          const q: SessionQuery = { view: 'all', ...filters, offset: Math.max(0, offset), limit };
          expect(idsOf(c.query(q, NOW)), JSON.stringify(q)).toEqual(idsOf(expected(sessions, q, NOW)));
        }
      }
    }
  });

  it('counts per kind, reads the sessions at a checkpoint and the next chat to go quiet', () => {
    const sessions = big();
    const c = freshCache(tempDir());
    c.applySnapshot([...sessions, chat({ id: 'ch_soon', chat: { lastMessageAt: new Date(NOW - 29 * MINUTE).toISOString() } })], 1);
    const everything = c.query({ view: 'all' }, NOW);
    const count = (pred: (s: Session) => boolean) => ({
      flow_run: everything.filter((s) => s.kind === 'flow_run' && pred(s)).length,
      background_task: everything.filter((s) => s.kind === 'background_task' && pred(s)).length,
      chat: everything.filter((s) => s.kind === 'chat' && pred(s)).length,
    });
    expect(c.countByKind({}, NOW)).toEqual(count(() => true));
    expect(c.countByKind({ kind: 'chat', ownerId: 'u_ada' }, NOW)).toEqual(count((s) => s.owner.id === 'u_ada'));
    expect(c.countByKind({ search: 'dep' }, NOW)).toEqual(count((s) => s.title.toLowerCase().includes('dep')));
    const waiting = everything.filter((s) => s.checkpoint).map((s) => s.id).sort();
    expect(waiting.length).toBeGreaterThan(60);
    expect(c.needsYouCandidates(null, 0).waiting.map((s) => s.id).sort()).toEqual(waiting);
    const quietAt = Math.min(...everything.filter((s) => s.kind === 'chat' && isActive(s, NOW)).map((s) => Date.parse((s as { chat: { lastMessageAt: string } }).chat.lastMessageAt) + 30 * MINUTE));
    expect(c.nextQuietAt(NOW)).toBe(quietAt);
    expect(c.nextQuietAt(NOW)).toBe(NOW + MINUTE);
    expect(c.sessionsByIds(['fr_live_3', 'nope', 'ch_soon']).map((s) => s.id).sort()).toEqual(['ch_soon', 'fr_live_3']);
    expect(c.childStates(['fr_live_3', 'fr_live_4', 'ch_soon'])).toEqual(
      expect.arrayContaining([
        { id: 'fr_live_3', kind: 'flow_run', status: 'paused', ended: false, checkpoint: true },
        { id: 'fr_live_4', kind: 'flow_run', status: 'running', ended: false, checkpoint: false },
        { id: 'ch_soon', kind: 'chat', status: 'open', ended: false, checkpoint: false },
      ]),
    );
  });
});
