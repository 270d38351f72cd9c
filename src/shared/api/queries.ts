import { z } from 'zod';
import { Id, Ref, Session, SessionKind } from '../protocol';
import { ProfileId } from '../profiles/profile-fields';
import { SessionRef } from './schemas';

/**
 * Live queries: the renderer asks for what it shows, and the core answers from SQLite's indexes
 * and answers again whenever the answer changes, for as long as the query is open. No window ever
 * holds the whole cache: a result is a page of rows plus the counts the view prints.
 *
 * Queries name what they show, never where it comes from. Across profiles (issue 14) every id in a
 * result is scoped (`<profile>/<id>`, scoped-id.ts) and `profile` narrows the Sessions list to one.
 */

/** A task's children at a glance, computed by the core from the cache (see shared/sessions rollUp). */
export const RollUpView = z.object({
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
  /** Children paused at a checkpoint right now: the parent says "N subtasks waiting". */
  waiting: z.number().int().nonnegative(),
});

/** One row of a list: the session, and its children's tally when it is a fan-out parent. */
export const ListRow = z.object({ session: Session, rollUp: RollUpView.nullable() });

/** The Sessions page's filters. Empty means "everything". */
export const SessionFilters = z.object({
  /** One profile's sessions only. */
  profile: ProfileId.optional(),
  kind: SessionKind.optional(),
  /** Only the signed-in person's sessions (none while the user is unknown). */
  mine: z.boolean().optional(),
  ownerId: Id.optional(),
  initiativeId: Id.optional(),
  planId: Id.optional(),
  /** Case-insensitive substring of the title. */
  search: z.string().max(200).optional(),
});

const PageSize = z.number().int().min(1).max(1000);

export const ViewQuery = z.discriminatedUnion('view', [
  /** The popover: what needs the person, then the first rows of Active Now and of Recent (24 h), and the counts of each. */
  z.object({ view: z.literal('commandCenter'), needsYouLimit: PageSize, activeLimit: PageSize, recentLimit: PageSize }),
  /** A window of the Sessions list (active first, then newest): `limit` rows from `offset`. */
  z.object({ view: z.literal('sessions'), filters: SessionFilters, offset: z.number().int().nonnegative(), limit: z.number().int().min(0).max(500) }),
  /** One session, with the sessions its detail view links to (parent, origin, children). */
  z.object({ view: z.literal('session'), id: SessionRef }),
]);

/** The counts a view prints, whatever page of rows it holds. */
export const Section = z.object({ rows: z.array(ListRow), total: z.number().int().nonnegative() });

/** Why a session is in "Needs you" (shared/sessions/needs-you.ts). */
export const NeedsYouReason = z.enum(['checkpoint', 'failed']);
export const NeedsYouRow = ListRow.extend({ reason: NeedsYouReason });

export const CommandCenterResult = z.object({
  view: z.literal('commandCenter'),
  /**
   * Pending checkpoints, oldest wait first, then the person's own sessions that failed since the
   * popover was last opened. `total` is the count the tray, its tooltip and the header print.
   * A session listed here is left out of Active Now and Recent (rows and counts alike).
   */
  needsYou: z.object({ rows: z.array(NeedsYouRow), total: z.number().int().nonnegative() }),
  activeNow: Section,
  recent: Section,
});

export const SessionsResult = z.object({
  view: z.literal('sessions'),
  /** The rows from `offset` (as asked), in list order. */
  offset: z.number().int().nonnegative(),
  rows: z.array(ListRow),
  /** Every session these filters let through. */
  total: z.number().int().nonnegative(),
  /** The same filters with each kind tab instead of the query's kind. */
  tabs: z.object({ all: z.number().int(), flow_run: z.number().int(), background_task: z.number().int(), chat: z.number().int() }),
  /** What the filter menus offer: every owner, initiative and plan in the cache, by name. */
  facets: z.object({ owners: z.array(Ref), initiatives: z.array(Ref), plans: z.array(Ref) }),
});

export const SessionResult = z.object({
  view: z.literal('session'),
  /** Null when the cache does not hold it (removed, or older than what this computer keeps). */
  session: Session.nullable(),
  /** The sessions it links to that the cache holds: its parent, where it came from, its children. */
  related: z.array(Session),
});

export const ViewResult = z.discriminatedUnion('view', [CommandCenterResult, SessionsResult, SessionResult]);

export type RollUpView = z.infer<typeof RollUpView>;
export type ListRow = z.infer<typeof ListRow>;
export type NeedsYouReason = z.infer<typeof NeedsYouReason>;
export type NeedsYouRow = z.infer<typeof NeedsYouRow>;
export type SessionFilters = z.infer<typeof SessionFilters>;
export type ViewQuery = z.infer<typeof ViewQuery>;
export type CommandCenterResult = z.infer<typeof CommandCenterResult>;
export type SessionsResult = z.infer<typeof SessionsResult>;
export type SessionResult = z.infer<typeof SessionResult>;
export type ViewResult = z.infer<typeof ViewResult>;
/** The result a query gets: `ResultOf<{ view: 'sessions', … }>` is SessionsResult. */
export type ResultOf<Q extends ViewQuery> = Extract<ViewResult, { view: Q['view'] }>;
