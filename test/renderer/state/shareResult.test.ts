import { describe, expect, it } from 'vitest';
import { share } from '../../../src/renderer/src/state/shareResult';
import { flowRun } from '../../shared/fixtures';

const row = (id: string, title = id) => ({ session: flowRun({ id, title }), rollUp: null });
/** The same data as the core would send it again: fresh objects all the way down. */
const fresh = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('share: structural sharing between live-query answers', () => {
  it('gives back the previous answer itself when the new one is equal', () => {
    const prev = { view: 'commandCenter', activeNow: { rows: [row('a'), row('b')], total: 2 }, needsYou: { rows: [], total: 0 } };
    expect(share(prev, fresh(prev))).toBe(prev);
  });

  it('keeps the objects of unchanged rows and takes the changed ones', () => {
    const prev = { rows: [row('a'), row('b'), row('c')], total: 3 };
    const next = fresh(prev);
    next.rows[1] = row('b', 'B renamed');
    const out = share(prev, next);
    expect(out).not.toBe(prev);
    expect(out.rows[0]).toBe(prev.rows[0]);
    expect(out.rows[2]).toBe(prev.rows[2]);
    expect(out.rows[1]).not.toBe(prev.rows[1]);
    expect(out.rows[1]!.session.title).toBe('B renamed');
    // Inside a changed row, its unchanged parts are shared too.
    expect(out.rows[1]!.session.owner).toBe(prev.rows[1]!.session.owner);
    expect(out).toEqual(next);
  });

  it('matches rows by session id when they move, not by position', () => {
    const prev = { rows: [row('a'), row('b'), row('c')] };
    const next = { rows: [row('n'), ...fresh(prev.rows).slice(0, 2)] };
    const out = share(prev, next);
    expect(out.rows[0]).toBe(next.rows[0]);
    expect(out.rows[1]).toBe(prev.rows[0]);
    expect(out.rows[2]).toBe(prev.rows[1]);
  });

  it('notices a field added, removed, or nulled', () => {
    const prev = { a: 1, b: { c: 2 } } as Record<string, unknown>;
    expect(share(prev, { a: 1, b: { c: 2 }, d: 3 })).not.toBe(prev);
    expect(share(prev, { a: 1 })).not.toBe(prev);
    expect(share(prev, { a: 1, b: null })).toEqual({ a: 1, b: null });
    expect(share([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(share({ x: [1] }, { x: { 0: 1 } })).toEqual({ x: { 0: 1 } });
  });
});
