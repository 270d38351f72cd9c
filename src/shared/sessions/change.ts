import type { Session } from '../protocol/session';

/** One session before and after an applied snapshot or batch; null before: new, null after: removed. */
export interface SessionChange {
  before: Session | null;
  after: Session | null;
}
