import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type SessionFilters } from '../../../src/renderer/src/state/useUiStore';
import { countLabel, hasFilters, ownerOptions, toQueryFilters, withSelected } from '../../../src/renderer/src/views/sessions/filter';
import { FIRST_WINDOW, WINDOW_CHUNK, WINDOW_MARGIN, WINDOW_MAX, windowFor } from '../../../src/renderer/src/views/sessions/window';

const ada = { id: 'u_ada', name: 'Ada Lovelace' };
const grace = { id: 'u_grace', name: 'Grace Hopper' };
const alan = { id: 'u_alan', name: 'Alan Turing' };
const hygiene = { id: 'in_1', name: 'Platform hygiene' };
const f = (patch: Partial<SessionFilters>): SessionFilters => ({ ...DEFAULT_FILTERS, ...patch });

describe("the page's filters as the core's query", () => {
  it('asks for everything with the default filters', () => {
    expect(toQueryFilters(DEFAULT_FILTERS)).toEqual({});
  });

  it('maps the kind tab, Mine, an owner, initiative, plan and a trimmed search', () => {
    expect(toQueryFilters(f({ kind: 'chat' }))).toEqual({ kind: 'chat' });
    expect(toQueryFilters(f({ owner: 'mine' }))).toEqual({ mine: true });
    expect(toQueryFilters(f({ owner: 'u_grace' }))).toEqual({ ownerId: 'u_grace' });
    expect(toQueryFilters(f({ initiative: 'in_1', plan: 'pl_1' }))).toEqual({ initiativeId: 'in_1', planId: 'pl_1' });
    expect(toQueryFilters(f({ search: '  ci slow ' }))).toEqual({ search: 'ci slow' });
    expect(toQueryFilters(f({ search: '   ' }))).toEqual({});
  });

  it('narrows to one profile, with the other filters alongside', () => {
    expect(toQueryFilters(f({ profile: 'globex' }))).toEqual({ profile: 'globex' });
    expect(toQueryFilters(f({ profile: 'globex', owner: 'mine', kind: 'flow_run' }))).toEqual({ profile: 'globex', kind: 'flow_run', mine: true });
  });
});

describe('facet options', () => {
  it('offers Mine, then Everyone, then each other owner in the order the core sent', () => {
    expect(ownerOptions([alan, ada, grace], ['u_ada'])).toEqual([
      { value: 'mine', label: 'Mine' },
      { value: 'all', label: 'Everyone' },
      { value: 'u_alan', label: 'Alan Turing' },
      { value: 'u_grace', label: 'Grace Hopper' },
    ]);
  });

  it("leaves out the person's id in every profile, since Mine covers each", () => {
    expect(ownerOptions([alan, ada, grace], ['u_ada', 'u_grace']).map((o) => o.value)).toEqual(['mine', 'all', 'u_alan']);
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

describe('the window of rows the list asks for', () => {
  it('starts with the top chunk', () => {
    expect(FIRST_WINDOW).toEqual({ offset: 0, limit: WINDOW_CHUNK });
    expect(windowFor(0, 12)).toEqual({ offset: 0, limit: WINDOW_CHUNK });
  });

  it('holds a margin beyond each edge, rounded out to whole chunks', () => {
    for (const [first, last] of [[5000, 5012], [5080, 5095], [123, 140], [9990, 9999]] as const) {
      const w = windowFor(first, last);
      expect(w.offset % WINDOW_CHUNK).toBe(0);
      expect((w.offset + w.limit) % WINDOW_CHUNK).toBe(0);
      expect(w.offset).toBeLessThanOrEqual(Math.max(0, first - WINDOW_MARGIN));
      expect(w.offset + w.limit).toBeGreaterThanOrEqual(last + 1 + WINDOW_MARGIN);
      expect(w.limit).toBeLessThanOrEqual(2 * WINDOW_CHUNK);
    }
  });

  it('stays the same while the rendered rows move within it', () => {
    expect(windowFor(5030, 5042)).toEqual(windowFor(5050, 5062));
    expect(windowFor(5030, 5042)).not.toEqual(windowFor(5090, 5102));
  });

  it('never asks for more than the query allows, however tall the screen', () => {
    expect(windowFor(0, 5000).limit).toBe(WINDOW_MAX);
  });
});
