import type { Session } from '../../../shared/protocol';
import { compareByRecency, hasPendingCheckpoint, isActive, isRecent } from '../../../shared/sessions';

/**
 * How many sessions' transcripts are fetched before anyone opens them: the few hundred a person
 * is likely to open (README, "Client pacing"). Anything else is fetched when opened. At the
 * client's 100 requests a second this is about 3 s of requests at connect, whatever the tenant's size.
 */
export const PREFETCH_LIMIT = 300;

/** Most likely to be opened first; the order of the tiers is issue 12's. */
export const Tier = {
  Opened: 0,
  /** A pending checkpoint the signed-in user may decide (their own session). */
  WaitingOnYou: 1,
  YourActive: 2,
  OtherActive: 3,
  Recent: 4,
} as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

export interface PriorityContext {
  /** Sessions a person has open now. */
  opened: ReadonlySet<string>;
  /** The signed-in user; null before the first hello (nothing is then "yours"). */
  userId: string | null;
  /** Server-corrected time, for the 30-minute and 24-hour rules. */
  now: number;
}

/** The tier of a session, or null when its transcript is not worth fetching ahead of an open. */
export function transcriptTier(session: Session, ctx: PriorityContext): Tier | null {
  if (ctx.opened.has(session.id)) return Tier.Opened;
  const yours = ctx.userId !== null && session.owner.id === ctx.userId;
  if (yours && hasPendingCheckpoint(session)) return Tier.WaitingOnYou;
  if (isActive(session, ctx.now)) return yours ? Tier.YourActive : Tier.OtherActive;
  if (isRecent(session, ctx.now)) return Tier.Recent;
  return null;
}

/** Tier first, then the list's own order (newest first, ties by id). */
export interface Ranked {
  tier: Tier;
  session: Session;
}

export function comparePriority(a: Ranked, b: Ranked): number {
  return a.tier - b.tier || compareByRecency(a.session, b.session);
}

/**
 * The prefetch set: opened sessions (all of them, whatever the bound), then the best of the rest
 * up to `limit` in all, in the order they should be fetched. Duplicates count once.
 */
export function choosePrefetch(candidates: Iterable<Session>, ctx: PriorityContext, limit = PREFETCH_LIMIT): Session[] {
  const seen = new Set<string>();
  const ranked: Ranked[] = [];
  for (const session of candidates) {
    if (seen.has(session.id)) continue;
    seen.add(session.id);
    const tier = transcriptTier(session, ctx);
    if (tier !== null) ranked.push({ tier, session });
  }
  ranked.sort(comparePriority);
  const opened = ranked.filter((r) => r.tier === Tier.Opened).length;
  return ranked.slice(0, Math.max(limit, opened)).map((r) => r.session);
}
