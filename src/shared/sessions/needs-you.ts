import type { Session } from '../protocol/session';
import { RECENT_WINDOW_MS } from './activity';
import { compareByRecency } from './ordering';

export type NeedsYouReason = 'checkpoint' | 'failed';

export interface NeedsYouItem {
  session: Session;
  reason: NeedsYouReason;
  /** How long it has waited on the person (ms): since the checkpoint was requested, or since it failed. */
  waitedMs: number;
}

export interface NeedsYouInput {
  /** Sessions at a pending checkpoint (the cache's waiting set; the rule checks each again). */
  waiting: readonly Session[];
  /** The person's sessions that failed lately (the cache's read; the rule checks each again). */
  failed: readonly Session[];
  /** The signed-in person; null while unknown, when no failure can be theirs. */
  userId: string | null;
  /** Failures after this moment (ms) need the person: see failuresSince. */
  since: number;
  /** ms since the epoch, corrected for server skew. */
  now: number;
}

/**
 * Where "the person's failures since they last opened the popover" start. `previousOpen` is the
 * popover's open before the current one, so a failure stays listed for as long as the popover that
 * first showed it stays open. Never opened (a first start): the past 24 hours, the Recent window,
 * rather than every failure the tenant ever had.
 */
export function failuresSince(previousOpen: number | null, now: number): number {
  return previousOpen ?? now - RECENT_WINDOW_MS;
}

const requestedAt = (s: Session): number => Date.parse(s.checkpoint!.requestedAt);

/** Oldest wait first; ties by id, so the order is total and stable. */
function byLongestWait(a: Session, b: Session): number {
  const byTime = requestedAt(a) - requestedAt(b);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * What needs the person, first: every pending checkpoint, oldest wait first, then their own
 * sessions that failed since `since`, newest first. Pure; the tray count, its tooltip, the popover
 * header and the popover's first section all read this one list.
 *
 * "Every checkpoint the person may decide": the protocol says nothing of who may decide until a
 * command is answered `forbidden`, so every pending checkpoint is listed (as the approvals count
 * always was), and a refusal is said on the row when it comes.
 */
export function needsYou(input: NeedsYouInput): NeedsYouItem[] {
  const { now } = input;
  const checkpoints = input.waiting.filter((s) => s.checkpoint != null).sort(byLongestWait);
  const seen = new Set(checkpoints.map((s) => s.id));
  const failures = input.failed
    .filter((s) => s.owner.id === input.userId && s.status === 'failed' && !seen.has(s.id) && Date.parse(s.updatedAt) > input.since)
    .sort(compareByRecency);
  return [
    ...checkpoints.map((session) => ({ session, reason: 'checkpoint' as const, waitedMs: Math.max(0, now - requestedAt(session)) })),
    ...failures.map((session) => ({ session, reason: 'failed' as const, waitedMs: Math.max(0, now - Date.parse(session.updatedAt)) })),
  ];
}

/** "1 needs you", "3 need you": the tray's tooltip and the popover's header say it alike. */
export function needsYouWords(count: number): string {
  return `${count} ${count === 1 ? 'needs' : 'need'} you`;
}
