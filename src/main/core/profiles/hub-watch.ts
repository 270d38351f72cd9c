import { splitScopedId } from '../../../shared/api/scoped-id';
import type { CommandCenterResult, SessionsResult, ViewQuery, ViewResult } from '../../../shared/api';
import { mergeCommandCenter, mergeSessions } from './merge-views';
import type { ProfileMember } from './profile-member';
import { scopeResult } from './scope-results';

/** One profile's part of a query: which member answers it, and what it is asked. */
interface Part {
  member: ProfileMember;
  query: ViewQuery;
}

/** A query's answer when no profile can give one (none configured yet, or the one asked for is gone). */
export function emptyResult(query: ViewQuery): ViewResult {
  switch (query.view) {
    case 'commandCenter':
      return { view: 'commandCenter', needsYou: { rows: [], total: 0 }, activeNow: { rows: [], total: 0 }, recent: { rows: [], total: 0 } };
    case 'sessions':
      return {
        view: 'sessions',
        offset: query.offset,
        rows: [],
        total: 0,
        tabs: { all: 0, flow_run: 0, background_task: 0, chat: 0 },
        facets: { owners: [], initiatives: [], plans: [] },
      };
    case 'session':
      return { view: 'session', session: null, related: [] };
  }
}

/**
 * The member a session reference belongs to: `<profile>/<id>` names it; a bare id (a link from
 * before profiles) is the first profile whose cache holds it.
 */
export function resolveSession(members: readonly ProfileMember[], ref: string): { member: ProfileMember; id: string } | null {
  const scoped = splitScopedId(ref);
  if (scoped) {
    const member = members.find((m) => m.id === scoped.profile);
    if (member) return { member, id: scoped.id };
  }
  const holder = members.find((m) => m.core.companion.cache.getSession(ref) !== null);
  return holder ? { member: holder, id: ref } : null;
}

/**
 * What each profile is asked. A list across several profiles asks each for its first offset + limit
 * rows: the merged window can take any number of them from any one profile.
 */
function partsOf(members: readonly ProfileMember[], query: ViewQuery): Part[] {
  switch (query.view) {
    case 'commandCenter':
      return members.map((member) => ({ member, query }));
    case 'session': {
      const found = resolveSession(members, query.id);
      return found ? [{ member: found.member, query: { view: 'session', id: found.id } }] : [];
    }
    case 'sessions': {
      const { profile, ...filters } = query.filters;
      const chosen = profile === undefined ? members : members.filter((m) => m.id === profile);
      if (chosen.length === 1) return [{ member: chosen[0]!, query: { ...query, filters } }];
      return chosen.map((member) => ({ member, query: { ...query, filters, offset: 0, limit: query.offset + query.limit } }));
    }
  }
}

function merge(query: ViewQuery, answers: readonly ViewResult[], now: number): ViewResult {
  if (answers.length === 0) return emptyResult(query);
  if (answers.length === 1) {
    const only = answers[0]!;
    // A one-profile list was asked for its own window, so its offset is already the query's.
    return only;
  }
  switch (query.view) {
    case 'commandCenter':
      return mergeCommandCenter(answers as CommandCenterResult[], query);
    case 'sessions':
      return mergeSessions(answers as SessionsResult[], query.offset, query.limit, now);
    case 'session':
      return answers[0]!;
  }
}

/**
 * One window's live query across profiles: a live query on each profile's own host, their answers
 * scoped and merged, and the merge sent again whenever one of them changes. `reopen` starts over
 * on the hub's current members (a profile added or removed).
 */
export class HubWatch {
  private closeParts: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly query: ViewQuery,
    private readonly listener: (result: ViewResult) => void,
    private readonly now: () => number,
  ) {}

  open(members: readonly ProfileMember[]): void {
    this.stopParts();
    if (this.closed) return;
    const parts = partsOf(members, this.query);
    const answers: Array<ViewResult | undefined> = parts.map(() => undefined);
    let opening = true;
    const send = () => {
      if (opening || this.closed || answers.some((a) => a === undefined)) return;
      this.listener(merge(this.query, answers as ViewResult[], this.now()));
    };
    this.closeParts = parts.map((part, i) =>
      part.member.core.host.watch(part.query, (result) => {
        answers[i] = scopeResult(part.member.id, result);
        send();
      }),
    );
    opening = false;
    // Every part answered from inside watch(); one merged answer for all of them.
    send();
  }

  close(): void {
    this.closed = true;
    this.stopParts();
  }

  private stopParts(): void {
    for (const stop of this.closeParts.splice(0)) stop();
  }
}
