/**
 * Junk for the fields of section 4, and what a reader must make of it: junk in a required field
 * makes the item unreadable; junk in an optional one is read as if the field were absent. The
 * tables are written from PROTOCOL.md, not from the schemas under test, so they can catch them out.
 */
type Raw = Record<string, unknown>;

/** Required fields, each with values no reader may accept there. `detail` is the kind's object. */
export const REQUIRED_JUNK: ReadonlyArray<[path: string, values: unknown[]]> = [
  ['id', [42, '', 'x'.repeat(129), null]],
  ['kind', ['meeting', 3]],
  ['title', [7, null, {}]],
  ['status', ['', 3, null]],
  ['owner', ['ada', null, []]],
  ['owner.name', [1, null]],
  ['createdAt', ['yesterday', 5]],
  ['updatedAt', ['soon', null]],
  ['detail', ['x', null]],
  ['detail.count', ['2', -1, null]],
];

/** Optional fields, each with values that are junk there (never null: null means absent). */
export const OPTIONAL_JUNK: ReadonlyArray<[path: string, values: unknown[]]> = [
  ['initiative', ['x', { id: 5 }]],
  ['plan', [1, []]],
  ['webUrl', [5, {}]],
  ['error', ['boom', [1]]],
  ['origin', ['web', 5]],
  ['origin.repo', [5, ['a']]],
  ['detail.optional', [7, 'x']],
];

const DETAIL: Record<string, { key: string; count: string; optional: string }> = {
  flow_run: { key: 'flow', count: 'stepCount', optional: 'steps' },
  background_task: { key: 'task', count: 'turns', optional: 'childIds' },
  chat: { key: 'chat', count: 'messageCount', optional: 'mode' },
};

/** `detail.count` on a flow run is `flow.stepCount`, and so on. */
function concrete(session: Raw, path: string): string[] {
  const d = DETAIL[session.kind as string]!;
  if (path === 'detail') return [d.key];
  if (path === 'detail.count') return [d.key, d.count];
  if (path === 'detail.optional') return [d.key, d.optional];
  return path.split('.');
}

function setPath(target: Raw, keys: string[], value: unknown, remove = false): void {
  let at: Raw = target;
  for (const k of keys.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null) at[k] = {};
    at = at[k] as Raw;
  }
  if (remove) delete at[keys[keys.length - 1]!];
  else at[keys[keys.length - 1]!] = value;
}

export interface Junked {
  raw: Raw;
  /** What a correct reader keeps: null when the item is unreadable. */
  expected: Raw | null;
  /** The id a reader can still tell, when unreadable. */
  readableId: string | null;
}

export type JunkPick = { where: 'none' | 'optional' | 'required'; field: number; value: number };

export function junk(session: Raw, pick: JunkPick): Junked {
  if (pick.where === 'none') return { raw: session, expected: session, readableId: null };
  const table = pick.where === 'required' ? REQUIRED_JUNK : OPTIONAL_JUNK;
  const [path, values] = table[pick.field % table.length]!;
  const keys = concrete(session, path);
  const raw = structuredClone(session);
  setPath(raw, keys, values[pick.value % values.length]);
  if (pick.where === 'required') return { raw, expected: null, readableId: path === 'id' ? null : (session.id as string) };
  const expected = structuredClone(session);
  setPath(expected, keys, undefined, true);
  return { raw, expected, readableId: null };
}

/** Absent, null and an empty list mean the same to a reader: compare with them all left out. */
export function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value !== 'object' || value === null) return value;
  const out: Raw = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = normalize(v);
  }
  return out;
}
