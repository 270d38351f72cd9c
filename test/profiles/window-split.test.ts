import { describe, expect, it } from 'vitest';
import type { ListKey } from '../../src/main/core/cache/cache';
import { idKey } from '../../src/main/core/cache/session-row';
import { splitWindow } from '../../src/main/core/profiles/window-split';

const key = (id: string, u: number, active = false): ListKey => ({ r: 0, u, k: idKey(id), active });
/** idKey is the id's UTF-16 code units, big-endian. */
const idOf = (k: ListKey): string => Buffer.from(k.k).swap16().toString('utf16le');

describe('splitWindow: each profile\'s part of a merged Sessions window', () => {
  // Acme: two active, then three older; Globex: one active, then two, one of them tying Acme's time.
  const acme = [key('a1', 900, true), key('a2', 800, true), key('a3', 500), key('a4', 300), key('a5', 100)];
  const globex = [key('g1', 850, true), key('g2', 500), key('g3', 200)];
  // The merged list: a1 g1 a2 (active) | a3 g2 (500: a3 < g2 by id) a4 g3 a5
  const merged = ['a1', 'g1', 'a2', 'a3', 'g2', 'a4', 'g3', 'a5'];

  it('gives every window exactly the rows of the merged list, each profile from its own offset', () => {
    for (let offset = 0; offset <= merged.length; offset++) {
      for (const limit of [0, 1, 3, 10]) {
        const [a, g] = splitWindow([acme, globex], offset, limit);
        const rows = [...acme.slice(a!.offset, a!.offset + a!.limit), ...globex.slice(g!.offset, g!.offset + g!.limit)].map(idOf);
        expect(rows.length).toBe(Math.max(0, Math.min(limit, merged.length - offset)));
        expect(new Set(rows)).toEqual(new Set(merged.slice(offset, offset + limit)));
      }
    }
  });

  it('puts a window past the end of every list at their ends, with nothing to give', () => {
    expect(splitWindow([acme, globex], 50, 10)).toEqual([
      { offset: 5, limit: 0 },
      { offset: 3, limit: 0 },
    ]);
  });

  it('gives equal keys in two profiles to the earlier profile first', () => {
    const [first, second] = splitWindow([[key('x', 5)], [key('x', 5)]], 0, 1);
    expect([first, second]).toEqual([
      { offset: 0, limit: 1 },
      { offset: 0, limit: 0 },
    ]);
  });
});
