import { splitScopedId } from '../../../shared/api/scoped-id';
import type { CommandCenterResult, SessionFilters, SessionsResult, ViewQuery, ViewResult } from '../../../shared/api';
import { mergeCommandCenter, mergeSessions } from './merge-views';
import type { ProfileMember } from './profile-member';
import { scopeResult } from './scope-results';
import { windowParts } from './window-split';

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
      if (found) return [{ member: found.member, query: { view: 'session', id: found.id } }];
      // A bare id no cache holds yet (a link opened before the first sync): asked of every profile,
      // and the first, in the person's order, that comes to hold it answers.
      return splitScopedId(query.id) ? [] : members.map((member) => ({ member, query }));
    }
    case 'sessions': {
      const { profile, ...rest } = query.filters;
      // An owner, initiative or plan from the menus is scoped: only its own profile can match it.
      const { filters, onlyIn } = unscopeFacetFilters(rest);
      const chosen = members.filter((m) => (profile === undefined || m.id === profile) && (onlyIn === null || m.id === onlyIn));
      if (chosen.length === 1) return [{ member: chosen[0]!, query: { ...query, filters } }];
      // Each profile is asked for its own part of the window only, found from the list keys.
      const split = windowParts(chosen, filters, query.offset, query.limit);
      return chosen.map((member, i) => ({ member, query: { ...query, filters, ...split[i]! } }));
    }
  }
}

const FACET_FILTERS = ['ownerId', 'initiativeId', 'planId'] as const;

/** The menus' scoped ids back to each tenant's own, and the one profile they then narrow to (null: any). */
function unscopeFacetFilters(filters: SessionFilters): { filters: SessionFilters; onlyIn: string | null } {
  const out: SessionFilters = { ...filters };
  let onlyIn: string | null = null;
  for (const key of FACET_FILTERS) {
    const value = filters[key];
    const scoped = value === undefined ? null : splitScopedId(value);
    if (!scoped) continue;
    // Two filters from two profiles match nothing: no session is in both tenants.
    onlyIn = onlyIn === null || onlyIn === scoped.profile ? scoped.profile : '\u0000none';
    out[key] = scoped.id;
  }
  return { filters: out, onlyIn };
}

function merge(query: ViewQuery, answers: readonly ViewResult[], now: number, names: readonly string[]): ViewResult {
  if (answers.length === 0) return emptyResult(query);
  // A one-profile list was asked for its own window, so its offset is already the query's.
  if (answers.length === 1) return answers[0]!;
  switch (query.view) {
    case 'commandCenter':
      return mergeCommandCenter(answers as CommandCenterResult[], query);
    case 'sessions':
      return mergeSessions(answers as SessionsResult[], query.offset, query.limit, now, names);
    case 'session':
      return answers.find((a) => a.view === 'session' && a.session !== null) ?? answers[0]!;
  }
}

/**
 * One window's live query across profiles: a live query on each profile's own host, their answers
 * scoped and merged, and the merge sent again whenever one of them changes. `open` starts over on
 * the hub's current members (a profile added or removed, or a merged window's split moved).
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
    // A change in any profile may move where each one's part of a merged window starts.
    const merged = this.query.view === 'sessions' && parts.length > 1;
    const asked = JSON.stringify(parts.map((p) => p.query));
    let opening = true;
    const send = (changed: boolean) => {
      if (opening || this.closed || answers.some((a) => a === undefined)) return;
      if (changed && merged && JSON.stringify(partsOf(members, this.query).map((p) => p.query)) !== asked) return this.open(members);
      this.listener(merge(this.query, answers as ViewResult[], this.now(), parts.map((p) => p.member.name())));
    };
    this.closeParts = parts.map((part, i) =>
      part.member.core.host.watch(part.query, (result) => {
        answers[i] = scopeResult(part.member.id, result);
        send(true);
      }),
    );
    opening = false;
    // Every part answered from inside watch(); one merged answer for all of them.
    send(false);
  }

  close(): void {
    this.closed = true;
    this.stopParts();
  }

  private stopParts(): void {
    for (const stop of this.closeParts.splice(0)) stop();
  }
}
