import { openDetail } from './openDetail';

/**
 * The parent whose fan-out approvals the person asked for from a row ("3 subtasks waiting"). The
 * approvals sit in the parent's detail view; the route names only the session, so the request
 * waits here until that view mounts and takes it (once: a later visit opens at the top as usual).
 */
let requested: string | null = null;

/** Opens a fan-out parent's detail view at its waiting subtasks. */
export function openFanOut(parentId: string): void {
  requested = parentId;
  openDetail(parentId);
}

/** True once, for the parent openFanOut last asked for. */
export function takeFanOutRequest(parentId: string): boolean {
  if (requested !== parentId) return false;
  requested = null;
  return true;
}
