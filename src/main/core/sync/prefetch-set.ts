import type { Session } from '../../../shared/protocol';
import { choosePrefetch, comparePriority, PREFETCH_LIMIT, Tier, transcriptTier, type PriorityContext, type Ranked } from './transcript-priority';

/**
 * The sessions whose transcripts are kept current without being opened: at most `limit`, the most
 * likely to be opened (./transcript-priority). Chosen whole from the cache at connect and each
 * time the list catches up; in between, a session that moves joins it only if it outranks the
 * least of it, which it then replaces. So a busy tenant never grows the work past the bound.
 */
export class PrefetchSet {
  private readonly members = new Map<string, Ranked>();
  private least: Ranked | null = null;

  constructor(private readonly limit = PREFETCH_LIMIT) {}

  has(id: string): boolean {
    return this.members.has(id);
  }

  /** Chooses the set again from `candidates`: all of it in fetch order, and those that were not in it before. */
  refresh(candidates: Iterable<Session>, ctx: PriorityContext): { chosen: Session[]; joined: Session[] } {
    const chosen = choosePrefetch(candidates, ctx, this.limit);
    const joined = chosen.filter((s) => !this.members.has(s.id));
    this.members.clear();
    for (const session of chosen) this.members.set(session.id, { tier: transcriptTier(session, ctx)!, session });
    this.least = null;
    return { chosen, joined };
  }

  /** A session moved: whether its transcript should be fetched now (opened, a member, or it just became one). */
  admit(session: Session, ctx: PriorityContext): boolean {
    const tier = transcriptTier(session, ctx);
    if (tier === null) {
      this.drop(session.id);
      return false;
    }
    const ranked = { tier, session };
    if (tier === Tier.Opened || this.members.has(session.id)) {
      this.members.set(session.id, ranked);
      this.least = null;
      return true;
    }
    if (this.members.size >= this.limit) {
      const least = this.leastMember();
      if (!least || comparePriority(ranked, least) >= 0) return false;
      this.drop(least.session.id);
    }
    this.members.set(session.id, ranked);
    this.least = null;
    return true;
  }

  drop(id: string): void {
    if (this.members.delete(id)) this.least = null;
  }

  private leastMember(): Ranked | null {
    if (this.least) return this.least;
    for (const r of this.members.values()) if (!this.least || comparePriority(r, this.least) > 0) this.least = r;
    return this.least;
  }
}
