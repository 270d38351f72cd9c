/**
 * Structural sharing for live-query answers. Every answer arrives as fresh JSON, so without this
 * every row object is new and every memoized row renders again, even when one session of fifty
 * moved. `share(prev, next)` gives back `next` with every part that equals its counterpart in
 * `prev` replaced by that counterpart, so unchanged rows keep their identity (and React.memo
 * skips them), and an answer equal to the last is the last, object for object.
 *
 * Arrays of keyed objects (a ListRow's session id, or an `id`) are matched by key, not position:
 * a session that moved to the top keeps its object, and so do the rows it pushed down.
 */
export function share<T>(prev: unknown, next: T): T {
  if (prev === next) return next;
  if (Array.isArray(next)) return (Array.isArray(prev) ? shareArray(prev, next) : next) as T;
  if (isPlain(next)) return (isPlain(prev) ? shareObject(prev, next) : next) as T;
  return next;
}

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list item's identity: a ListRow's session, or anything with an `id`. */
function keyOf(item: unknown): string | undefined {
  if (!isPlain(item)) return undefined;
  const session = item.session;
  if (isPlain(session) && typeof session.id === 'string') return session.id;
  return typeof item.id === 'string' ? item.id : undefined;
}

function shareObject(prev: Plain, next: Plain): Plain {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(prev).length;
  const out: Plain = {};
  for (const k of keys) {
    const v = share(prev[k], next[k]);
    out[k] = v;
    if (same && (v !== prev[k] || !(k in prev))) same = false;
  }
  return same ? prev : out;
}

function shareArray(prev: unknown[], next: unknown[]): unknown[] {
  let byKey: Map<string, unknown> | null = null;
  let same = prev.length === next.length;
  const out = next.map((item, i) => {
    const key = keyOf(item);
    let before: unknown = prev[i];
    if (key !== undefined && keyOf(before) !== key) {
      byKey ??= new Map(prev.map((p) => [keyOf(p) ?? '', p]));
      before = byKey.get(key);
    }
    const v = share(before, item);
    if (same && v !== prev[i]) same = false;
    return v;
  });
  return same ? prev : out;
}
