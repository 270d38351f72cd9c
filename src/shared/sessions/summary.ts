import type { Session } from '../protocol/session';
import { isActive } from './activity';
import { categoryOf, type Category } from './category';
import { progressLabel } from './progress';

/** The common shape of one session as every list shows it (the CLI's --json row, a tray row). */
export interface SessionSummary {
  id: string;
  kind: Session['kind'];
  title: string;
  status: string;
  category: Category;
  active: boolean;
  progress: string;
  owner: string;
  ownerId: string;
  updatedAt: string;
  error: string | null;
  checkpointId: string | null;
}

export function summarize(session: Session, now: number): SessionSummary {
  return {
    id: session.id,
    kind: session.kind,
    title: session.title,
    status: session.status,
    category: categoryOf(session),
    active: isActive(session, now),
    progress: progressLabel(session),
    owner: session.owner.name,
    ownerId: session.owner.id,
    updatedAt: session.updatedAt,
    error: session.error?.message ?? null,
    checkpointId: session.checkpoint?.id ?? null,
  };
}
