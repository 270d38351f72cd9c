/**
 * Which rows of the Sessions list to ask the core for. The page asks for the rows in view plus a
 * margin, with both ends rounded out to whole chunks: scrolling within a chunk asks nothing new,
 * and a chunk's worth of rows is waiting beyond each edge before the next question goes out.
 */
export const WINDOW_CHUNK = 100;
/** Rows always held beyond each edge of what is rendered, so a short scroll never shows placeholders. */
export const WINDOW_MARGIN = 25;
/** The most a sessions query may ask for (queries.ts); a taller screen shows placeholders past it. */
export const WINDOW_MAX = 500;

export interface RowWindow {
  offset: number;
  limit: number;
}

/** The first window, before the list knows its length or has rendered: the top chunk. */
export const FIRST_WINDOW: RowWindow = { offset: 0, limit: WINDOW_CHUNK };

/** The window for rendered rows `first`..`last` (inclusive): 100 or 200 rows, as a rule. */
export function windowFor(first: number, last: number): RowWindow {
  const offset = Math.max(0, Math.floor((first - WINDOW_MARGIN) / WINDOW_CHUNK) * WINDOW_CHUNK);
  const end = Math.ceil((Math.max(first, last) + 1 + WINDOW_MARGIN) / WINDOW_CHUNK) * WINDOW_CHUNK;
  return { offset, limit: Math.min(end - offset, WINDOW_MAX) };
}

export const sameWindow = (a: RowWindow, b: RowWindow): boolean => a.offset === b.offset && a.limit === b.limit;
