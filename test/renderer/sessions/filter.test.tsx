import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type SessionFilters } from '../../../src/renderer/src/state/useUiStore';
import {
  activeSignature,
  countLabel,
  filterSessions,
  hasFilters,
  ownerOptions,
  refOptions,
  visibleSessions,
  withSelected,
} from '../../../src/renderer/src/views/sessions/filter';
import { ago, chat, flowRun, HOUR, MINUTE, NOW, task } from '../../shared/fixtures';

const ada = { id: 'u_ada', name: 'Ada Lovelace' };
const grace = { id: 'u_grace', name: 'Grace Hopper' };
const alan = { id: 'u_alan', name: 'Alan Turing' };
const hygiene = { id: 'in_1', name: 'Platform hygiene' };
const growth = { id: 'in_2', name: 'Growth' };
const q4 = { id: 'pl_1', name: 'Q4 upgrades' };

const sessions = [
  flowRun({ id: 'fr_1', title: 'Nightly dependency upgrade', owner: ada, initiative: hygiene, plan: q4 }),
  task({ id: 'bt_1', title: 'Backfill invoices', owner: grace, initiative: growth }),
  chat({ id: 'ch_1', title: 'Why is the UPGRADE slow?', owner: alan, initiative: null, plan: null }),
  flowRun({ id: 'fr_2', title: 'Weekly report', owner: grace, status: 'succeeded', initiative: hygiene }),
];
const f = (patch: Partial<SessionFilters>): SessionFilters => ({ ...DEFAULT_FILTERS, ...patch });
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('filterSessions', () => {
  it('lets everything through with the default filters', () => {
    expect(ids(filterSessions(sessions, DEFAULT_FILTERS, 'u_ada'))).toEqual(['fr_1', 'bt_1', 'ch_1', 'fr_2']);
  });

  it('narrows by kind tab', () => {
    expect(ids(filterSessions(sessions, f({ kind: 'flow_run' }), null))).toEqual(['fr_1', 'fr_2']);
    expect(ids(filterSessions(sessions, f({ kind: 'background_task' }), null))).toEqual(['bt_1']);
    expect(ids(filterSessions(sessions, f({ kind: 'chat' }), null))).toEqual(['ch_1']);
  });

  it('"Mine" is the signed-in user; an owner id is that owner; before sign-in Mine matches nothing', () => {
    expect(ids(filterSessions(sessions, f({ owner: 'mine' }), 'u_ada'))).toEqual(['fr_1']);
    expect(ids(filterSessions(sessions, f({ owner: 'u_grace' }), 'u_ada'))).toEqual(['bt_1', 'fr_2']);
    expect(filterSessions(sessions, f({ owner: 'mine' }), null)).toEqual([]);
  });

  it('narrows by initiative and plan, and a session without one never matches', () => {
    expect(ids(filterSessions(sessions, f({ initiative: 'in_1' }), null))).toEqual(['fr_1', 'fr_2']);
    expect(ids(filterSessions(sessions, f({ plan: 'pl_1' }), null))).toEqual(['fr_1']);
    expect(ids(filterSessions(sessions, f({ initiative: 'in_1', plan: 'pl_1' }), null))).toEqual(['fr_1']);
  });

  it('searches titles case-insensitively, ignoring surrounding spaces', () => {
    expect(ids(filterSessions(sessions, f({ search: '  upgrade ' }), null))).toEqual(['fr_1', 'ch_1']);
    expect(filterSessions(sessions, f({ search: 'nothing like it' }), null)).toEqual([]);
  });

  it('combines every filter', () => {
    expect(ids(filterSessions(sessions, f({ kind: 'flow_run', owner: 'u_grace', initiative: 'in_1', search: 'week' }), null))).toEqual(['fr_2']);
  });
});

describe('visibleSessions', () => {
  it('puts active sessions first, then the most recent, ties by id', () => {
    const list = [
      flowRun({ id: 'fr_done', status: 'succeeded', updatedAt: ago(MINUTE) }),
      task({ id: 'bt_old', status: 'running', updatedAt: ago(3 * HOUR) }),
      chat({ id: 'ch_quiet', updatedAt: ago(40 * MINUTE), chat: { lastMessageAt: ago(40 * MINUTE) } }),
      task({ id: 'bt_new', status: 'queued', updatedAt: ago(2 * MINUTE) }),
      flowRun({ id: 'fr_b', status: 'failed', updatedAt: ago(HOUR) }),
      flowRun({ id: 'fr_a', status: 'failed', updatedAt: ago(HOUR) }),
    ];
    expect(ids(visibleSessions(list, DEFAULT_FILTERS, 'u_ada', NOW))).toEqual(['bt_new', 'bt_old', 'fr_done', 'ch_quiet', 'fr_a', 'fr_b']);
  });
});

describe('facet options', () => {
  it('lists distinct initiatives and plans by name', () => {
    expect(refOptions(sessions, 'initiative')).toEqual([growth, hygiene]);
    expect(refOptions(sessions, 'plan')).toEqual([q4]);
  });

  it('offers Mine, then Everyone, then each other owner by name', () => {
    expect(ownerOptions(sessions, 'u_ada')).toEqual([
      { value: 'mine', label: 'Mine' },
      { value: 'all', label: 'Everyone' },
      { value: 'u_alan', label: 'Alan Turing' },
      { value: 'u_grace', label: 'Grace Hopper' },
    ]);
  });

  it('keeps a chosen value that no session mentions any more', () => {
    expect(withSelected([hygiene], 'in_9')).toEqual([hygiene, { id: 'in_9', name: 'in_9 (no sessions)' }]);
    expect(withSelected([hygiene], 'all')).toEqual([hygiene]);
  });

  it('knows when anything filters, and counts in words', () => {
    expect(hasFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasFilters(f({ search: 'x' }))).toBe(true);
    expect(countLabel(1)).toBe('1 session');
    expect(countLabel(10_000)).toBe('10,000 sessions');
  });
});

describe('activeSignature', () => {
  it('changes when a chat goes quiet at 30 minutes, and not before', () => {
    const list = [chat({ id: 'ch_1', chat: { lastMessageAt: ago(29 * MINUTE) } }), task({ id: 'bt_1', status: 'running' })];
    const before = activeSignature(list, NOW);
    expect(activeSignature(list, NOW + 30 * 1000)).toBe(before);
    expect(activeSignature(list, NOW + MINUTE)).not.toBe(before);
  });
});
