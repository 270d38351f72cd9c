import { relativeTime, truncate } from '../../../shared/format';
import { SESSION_KINDS, type SessionKind } from '../../../shared/protocol';
import { summarize, unreadableNotice, type NeedsYouReason, type SessionSummary } from '../../../shared/sessions';
import fs from 'node:fs';
import path from 'node:path';
import { openCache, type Cache } from '../../core/cache/cache';
import { CACHE_FILE } from '../../core/cache/open';
import { needsYouAt } from '../../core/views/command-center';
import { PopoverOpens } from '../../core/views/popover-opens';
import { parse, UsageError } from '../args';
import { dataFlag } from '../backend-flags';
import type { Command } from '../command';
import { openOrExplain } from '../open-cache';
import { chosenProfiles, openProfiles, PROFILE_OPTION, PROFILE_USAGE } from '../profile-flags';

const VIEWS = ['needs-you', 'active', 'recent', 'all'] as const;
const KIND_LABEL: Record<SessionKind, string> = { flow_run: 'flow run', background_task: 'task', chat: 'chat' };

export const sessionsCommand: Command = {
  name: 'sessions',
  summary: 'list cached sessions, active first, offline',
  usage: `Usage: parrot-tray sessions --data DIR [options]

Lists the sessions in the offline cache at DIR (written by "parrot-tray sync"), active first,
then the most recently moved. Needs no network. When the backend sent sessions this version could
not read, says how many on stderr ("6 sessions could not be read"; "parrot-tray sync" logs their ids).

Options:
  --data DIR           the cache directory
  --view V             needs-you | active | recent (24 h) | all (default all). needs-you is the
                       popover's first section: every pending checkpoint, oldest wait first, then
                       your sessions that failed since the popover's last open
  --kind K             flow_run | background_task | chat
  --owner ID           only sessions owned by this user id
  --initiative ID      only sessions of this initiative
  --plan ID            only sessions of this plan
  --search TEXT        title contains TEXT (case-insensitive)
  --json               one JSON object per line, in display order, each with its profile's id
                       ("profile", null for a cache made before profiles)
${PROFILE_USAGE}
  -h, --help           show this help`,
  async run(args, io) {
    const { values } = parse(args, {
      data: { type: 'string' },
      view: { type: 'string' },
      kind: { type: 'string' },
      owner: { type: 'string' },
      initiative: { type: 'string' },
      plan: { type: 'string' },
      search: { type: 'string' },
      json: { type: 'boolean' },
      ...PROFILE_OPTION,
    });
    if (values.help) {
      io.out(this.usage);
      return 0;
    }
    const view = values.view ?? 'all';
    if (!(VIEWS as readonly string[]).includes(view)) throw new UsageError(`--view must be one of ${VIEWS.join(', ')}`);
    if (values.kind !== undefined && !(SESSION_KINDS as readonly string[]).includes(values.kind)) {
      throw new UsageError(`--kind must be one of ${SESSION_KINDS.join(', ')}`);
    }
    const dataDir = dataFlag(values);
    const store = openProfiles(dataDir);
    const profiles = chosenProfiles(values, store);
    const query = (cache: Cache, now: number): Row[] =>
      view === 'needs-you'
        ? needsYouRows(cache, now)
        : cache
            .query(
              {
                view: view as Exclude<(typeof VIEWS)[number], 'needs-you'>,
                kind: values.kind as SessionKind | undefined,
                ownerId: values.owner,
                initiativeId: values.initiative,
                planId: values.plan,
                search: values.search,
              },
              now,
            )
            .map((s) => summarize(s, now));
    const now = Date.now();
    // Before profiles, the cache sits at --data itself; it is read as it always was.
    const sources = profiles.length === 0 ? [{ profile: null, dir: dataDir }] : profiles.map((p) => ({ profile: p, dir: store.cacheDir(p) }));
    const rows: Row[] = [];
    for (const { profile, dir } of sources) {
      if (profile && !fs.existsSync(path.join(dir, CACHE_FILE))) {
        io.err(`parrot-tray sessions: profile ${profile.name} has not synced yet (parrot-tray sync --profile ${JSON.stringify(profile.name)})`);
        continue;
      }
      const cache = openOrExplain(() => openCache(dir, { readonly: true }), io);
      try {
        rows.push(...query(cache, now).map((r) => ({ ...r, profile: profile?.id ?? null })));
        // On stderr, so --json output stays one session per line; the ids are in sync's log.
        const { count } = cache.unreadable();
        if (count > 0) io.err(`${profile ? `${profile.name}: ` : ''}${unreadableNotice(count)}`);
      } finally {
        cache.close();
      }
    }
    // Profiles interleave by the list's own order: Needs you by its rule, the rest active first, newest first.
    if (sources.length > 1) rows.sort(view === 'needs-you' ? byNeedsYou : byListOrder);
    if (values.json) for (const row of rows) io.out(JSON.stringify(row));
    else io.out(table(rows, now, profiles.length > 0 ? new Map(profiles.map((p) => [p.id, p.name])) : null));
    return 0;
  },
};

type Row = SessionSummary & { needsYou?: NeedsYouReason; waitedMs?: number; profile?: string | null };

const byListOrder = (a: Row, b: Row): number =>
  Number(b.active) - Number(a.active) || Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.profile ?? '').localeCompare(b.profile ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Checkpoints first, longest wait first; then failures, newest first (shared/sessions/needs-you.ts). */
const byNeedsYou = (a: Row, b: Row): number =>
  Number(a.needsYou === 'failed') - Number(b.needsYou === 'failed') || (a.needsYou === 'failed' ? a.waitedMs! - b.waitedMs! : b.waitedMs! - a.waitedMs!) || byListOrder(a, b);

/** The same rule and reads as the popover and the tray (core/views/command-center.ts needsYouAt). */
function needsYouRows(cache: Cache, now: number): Array<SessionSummary & { needsYou: NeedsYouReason; waitedMs: number }> {
  const user = cache.getMeta('user');
  const userId = user ? (JSON.parse(user) as { id: string }).id : null;
  const opens = new PopoverOpens(cache);
  const items = needsYouAt({ cache, now: () => now, userId: () => userId, previousPopoverOpen: () => opens.previous() }, now);
  return items.map((i) => ({ ...summarize(i.session, now), needsYou: i.reason, waitedMs: i.waitedMs }));
}

function table(rows: Row[], now: number, profileNames: ReadonlyMap<string, string> | null): string {
  if (rows.length === 0) return 'No sessions match.';
  const cells = rows.map((r) => [
    ...(profileNames ? [profileNames.get(r.profile ?? '') ?? ''] : []),
    r.active ? '●' : ' ',
    `${r.status}${r.checkpointId ? ' (approval needed)' : ''}`,
    KIND_LABEL[r.kind],
    truncate(r.title, 48),
    r.progress,
    r.owner,
    relativeTime(Date.parse(r.updatedAt), now),
    r.error ? truncate(r.error, 60) : '',
  ]);
  const header = [...(profileNames ? ['PROFILE'] : []), '', 'STATUS', 'KIND', 'TITLE', 'PROGRESS', 'OWNER', 'MOVED', 'ERROR'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}
