import type { Session, TaskSession } from '../protocol/session';
import { categoryOf, hasPendingCheckpoint } from './category';

/** A running session that has not moved for this long may be stuck. */
export const STALLED_AFTER_MS = 30 * 60_000;

const RUNNING = new Set(['running', 'provisioning', 'queued', 'pending']);

/** Running but silent for 30 minutes: flagged as possibly stalled (a chat just goes quiet). */
export function isStalled(session: Session, now: number): boolean {
  return session.kind !== 'chat' && RUNNING.has(session.status) && now - Date.parse(session.updatedAt) >= STALLED_AFTER_MS;
}

export interface RollUp {
  total: number;
  done: number;
  failed: number;
  /** Still in flight, those waiting on a person included: done + failed + running + unknown = total. */
  running: number;
  /** Children the cache does not hold (removed, or not synced yet). */
  unknown: number;
  /**
   * Of `running`, the children paused at a checkpoint right now: what the parent's "N subtasks
   * waiting" counts, and what the fan-out approvals view lists.
   */
  waiting: number;
}

/** A fan-out parent's children at a glance. */
export function rollUp(parent: TaskSession, lookup: (id: string) => Session | undefined): RollUp {
  const r: RollUp = { total: parent.task.childIds.length, done: 0, failed: 0, running: 0, unknown: 0, waiting: 0 };
  for (const id of parent.task.childIds) {
    const child = lookup(id);
    if (child && hasPendingCheckpoint(child)) r.waiting++;
    if (!child) r.unknown++;
    else if (categoryOf(child) === 'success') r.done++;
    else if (categoryOf(child) === 'problem') r.failed++;
    else if (categoryOf(child) === 'active' || categoryOf(child) === 'attention') r.running++;
    else r.done++;
  }
  return r;
}

/** "3 of 8 done, 1 failed"; the waiting ones are said apart (waitingLabel), as a way in to decide them. */
export function rollUpLabel(r: RollUp): string {
  const parts = [`${r.done} of ${r.total} done`];
  if (r.failed) parts.push(`${r.failed} failed`);
  return parts.join(', ');
}

/** "1 subtask waiting", "3 subtasks waiting"; null when none waits. */
export function waitingLabel(r: Pick<RollUp, 'waiting'>): string | null {
  if (r.waiting === 0) return null;
  return `${r.waiting} ${r.waiting === 1 ? 'subtask' : 'subtasks'} waiting`;
}
