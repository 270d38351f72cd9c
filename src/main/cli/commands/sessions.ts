import { relativeTime, truncate } from '../../../shared/format';
import { SESSION_KINDS, type SessionKind } from '../../../shared/protocol';
import { summarize, unreadableNotice, type NeedsYouReason, type SessionSummary } from '../../../shared/sessions';
import { openCache, type Cache } from '../../core/cache/cache';
import { needsYouAt } from '../../core/views/command-center';
import { PopoverOpens } from '../../core/views/popover-opens';
import { parse, UsageError } from '../args';
import { dataFlag } from '../backend-flags';
import type { Command } from '../command';
import { openOrExplain } from '../open-cache';

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
  --json               one JSON object per line, in display order
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
    const cache = openOrExplain(() => openCache(dataFlag(values), { readonly: true }), io);
    try {
      const now = Date.now();
      const rows = view === 'needs-you' ? needsYouRows(cache, now) : cache
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
      if (values.json) for (const row of rows) io.out(JSON.stringify(row));
      else io.out(table(rows, now));
      // On stderr, so --json output stays one session per line; the ids are in sync's log.
      const { count } = cache.unreadable();
      if (count > 0) io.err(unreadableNotice(count));
      return 0;
    } finally {
      cache.close();
    }
  },
};

/** The same rule and reads as the popover and the tray (core/views/command-center.ts needsYouAt). */
function needsYouRows(cache: Cache, now: number): Array<SessionSummary & { needsYou: NeedsYouReason; waitedMs: number }> {
  const user = cache.getMeta('user');
  const userId = user ? (JSON.parse(user) as { id: string }).id : null;
  const opens = new PopoverOpens(cache);
  const items = needsYouAt({ cache, now: () => now, userId: () => userId, previousPopoverOpen: () => opens.previous() }, now);
  return items.map((i) => ({ ...summarize(i.session, now), needsYou: i.reason, waitedMs: i.waitedMs }));
}

function table(rows: SessionSummary[], now: number): string {
  if (rows.length === 0) return 'No sessions match.';
  const cells = rows.map((r) => [
    r.active ? '●' : ' ',
    `${r.status}${r.checkpointId ? ' (approval needed)' : ''}`,
    KIND_LABEL[r.kind],
    truncate(r.title, 48),
    r.progress,
    r.owner,
    relativeTime(Date.parse(r.updatedAt), now),
    r.error ? truncate(r.error, 60) : '',
  ]);
  const header = ['', 'STATUS', 'KIND', 'TITLE', 'PROGRESS', 'OWNER', 'MOVED', 'ERROR'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}
