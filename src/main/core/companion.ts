import { EventEmitter } from 'node:events';
import type { ConnectionState } from '../../shared/connection-state';
import { NotifySettings } from '../../shared/notify-settings';
import { openCache, type Cache, type SessionChange } from './cache/cache';
import { beforeHadCheckpoint } from './cache/lazy-change';
import type { CommandClient } from './commands/command-client';
import { StreamConnection } from './connection/connection';
import { silentLogger, type Logger } from './log';
import { ApprovingCommands } from './notify/approving-commands';
import { LaterAlerts } from './notify/later-alerts';
import { decideNotifications, type NotifyEvent } from './notify/policy';
import type { Timers } from './notify/reminder-timer';
import type { FlushLimits } from './sync/disk-flush';
import { SyncEngine } from './sync/sync-engine';
import { TranscriptSync } from './sync/transcript-sync';

export interface CompanionOptions {
  /** Already checked with checkBackendUrl. */
  backendUrl: string;
  token: string | null;
  dataDir: string;
  notify?: Partial<NotifySettings>;
  clock?: () => number;
  random?: () => number;
  logger?: Logger;
  /** Local minute of day for quiet hours; the edge knows the time zone, the policy does not. */
  localMinuteOfDay?: (now: number) => number;
  /** The reminder timer's setTimeout/clearTimeout; tests pass their own and fire it after moving `clock`. */
  timers?: Timers;
  /** When held writes reach the file (sync/disk-flush); the defaults unless other processes read it live. */
  flush?: FlushLimits;
}

interface CompanionEvents {
  notification: [event: NotifyEvent];
  state: [state: ConnectionState];
  applied: [changes: SessionChange[]];
  /** The cache holds the head the server announced (see SyncEngine); `seq` is what it holds. */
  caughtUp: [seq: number];
  /** An opened session's transcript grew past `afterSeq` (entries are in the cache, redacted). */
  transcript: [sessionId: string, afterSeq: number];
  hello: [];
}

const PRUNE_EVERY_MS = 60 * 60_000;

const systemMinuteOfDay = (now: number): number => {
  const d = new Date(now);
  return d.getHours() * 60 + d.getMinutes();
};

/**
 * Everything the main process runs, wired once: the connection, the sync engine, the cache,
 * transcripts, commands and the notification policy. The Electron shell, the CLI and the web
 * preview each drive one of these; none of them knows how the parts fit together.
 */
export class Companion extends EventEmitter<CompanionEvents> {
  readonly connection: StreamConnection;
  readonly sync: SyncEngine;
  readonly transcripts: TranscriptSync;
  readonly commands: CommandClient;
  /** Follow-ups and reminders: the alerts decided after the first one. */
  readonly later: LaterAlerts;
  private settings: NotifySettings;
  private pruneTimer: NodeJS.Timeout | null = null;
  private knownUser: { id: string; name: string } | null | undefined;
  private readonly logger: Logger;

  private constructor(
    readonly cache: Cache,
    private readonly options: CompanionOptions,
  ) {
    super();
    const clock = options.clock ?? Date.now;
    const logger = (this.logger = options.logger ?? silentLogger);
    this.settings = NotifySettings.parse(options.notify ?? {});
    this.connection = new StreamConnection({ url: options.backendUrl, token: options.token, clock, random: options.random, logger });
    this.sync = new SyncEngine(this.connection, cache, clock, logger, undefined, undefined, options.flush);
    this.transcripts = new TranscriptSync(this.connection, cache, {
      now: () => this.sync.now(),
      userId: () => this.userId,
      onStored: (sessionId, afterSeq) => this.emit('transcript', sessionId, afterSeq),
      logger,
    });
    const localMinuteOfDay = options.localMinuteOfDay ?? systemMinuteOfDay;
    this.later = new LaterAlerts({
      cache,
      now: () => this.sync.now(),
      settings: () => this.settings,
      userId: () => this.userId,
      localMinuteOfDay,
      emit: (event) => this.emit('notification', event),
      runTask: (task) => this.sync.queue.pushTask(task),
      timers: options.timers,
      logger,
    });
    // Every approval sent from here (windows, CLI, a banner's Approve) is noted for its follow-up.
    this.commands = new ApprovingCommands(this.connection, (sessionId, checkpointId) => this.later.noteApproval(sessionId, checkpointId));
    this.connection.on('state', (state) => this.emit('state', state));
    this.sync.on('caughtUp', (seq) => {
      // The list is current: the prefetch set is chosen on it before anyone waits for it (sync --once).
      this.transcripts.choosePrefetch();
      this.emit('caughtUp', seq);
    });
    this.sync.on('hello', (hello) => {
      this.knownUser = hello.user;
      this.emit('hello');
    });
    // The fast lane: a checkpoint found in a batch still waiting to be written is decided now.
    this.sync.on('ahead', (sessions) => this.notify(sessions.map((after) => ({ before: null, after }))));
    this.sync.on('applied', (changes) => {
      // Notifications first: an approval must not wait behind transcript bookkeeping.
      this.notify(changes);
      this.later.applied(changes);
      this.transcripts.noteApplied(changes);
      this.emit('applied', changes);
    });
  }

  /** Opens (or creates) the cache; `notice` says if a damaged cache was moved aside. */
  static open(options: CompanionOptions): { companion: Companion; notice: string | null } {
    const { cache, notice } = openCache(options.dataDir, { create: true, now: options.clock });
    return { companion: new Companion(cache, options), notice };
  }

  start(): void {
    this.connection.start();
    // Retention runs once caught up (it must not delay the first view) and then hourly.
    this.sync.once('caughtUp', () => this.prune());
    this.pruneTimer = setInterval(() => this.sync.queue.pushTask(() => this.prune()), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
    this.later.start();
  }

  /** What the person chose about notifications; a change may move the next reminder. */
  get notifySettings(): NotifySettings {
    return this.settings;
  }

  set notifySettings(settings: NotifySettings) {
    this.settings = settings;
    this.later.settingsChanged();
  }

  private prune(): void {
    try {
      const { sessions, entries } = this.cache.prune(this.sync.now());
      if (sessions || entries) this.logger.info(`pruned ${sessions} old sessions and ${entries} transcript entries from the cache`);
      this.later.prune(this.sync.now());
    } catch (err) {
      // Runs from a timer or the write queue: a failure is told, never thrown out of the event loop.
      this.logger.warn(`could not prune the cache: ${(err as Error).message}`);
    }
  }

  /** "Remind me in 1 h": this session's waiting checkpoint notifies again after `minutes`, once. */
  remindLater(sessionId: string, minutes: number): null {
    this.later.remindLater(sessionId, minutes);
    return null;
  }

  /** Stops the stream and closes the database cleanly. */
  close(): void {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.later.stop();
    this.transcripts.stop();
    this.connection.stop();
    this.sync.stop();
    this.cache.close();
  }

  /** The signed-in user, as the last hello named them (kept in the cache for offline use). */
  get user(): { id: string; name: string } | null {
    // Read once from the cache, then from each hello: the policy asks for it on every batch.
    if (this.knownUser === undefined) {
      const user = this.cache.getMeta('user');
      this.knownUser = user ? (JSON.parse(user) as { id: string; name: string }) : null;
    }
    return this.knownUser;
  }

  get userId(): string | null {
    return this.user?.id ?? null;
  }

  private notify(all: SessionChange[]): void {
    const userId = this.userId;
    if (!userId || all.length === 0) return;
    const changes = all.filter(mayNotify);
    if (changes.length === 0) return;
    const now = this.sync.now();
    const decision = decideNotifications({
      changes,
      userId,
      settings: this.notifySettings,
      now,
      localMinuteOfDay: (this.options.localMinuteOfDay ?? systemMinuteOfDay)(now),
      recall: (id) => this.cache.recall(id),
    });
    if (decision.remember.length) this.cache.remember(decision.remember);
    if (decision.forget.length) this.cache.forget(decision.forget);
    this.later.alerted(decision.remember);
    this.later.forgotten(decision.forget);
    for (const event of decision.events) this.emit('notification', event);
  }
}

/**
 * The changes the notification policy (./notify/policy) can act on; it decides nothing for the
 * others. It acts on a checkpoint that is there after the change (an approval) or was there
 * before it (a withdraw), and on a move into `failed`. Everything else (nearly every change of a
 * busy stream) is left out without parsing its `before` (see ../cache/lazy-change). Sound because
 * a call never holds two changes of one session (a write reports each session once; the fast
 * lane's sessions each end at a checkpoint), so leaving one out cannot change how the policy
 * merges another. test/sync/notify-filter.test.ts checks the decisions are the same.
 */
export function mayNotify(change: SessionChange): boolean {
  const { after } = change;
  return (after !== null && (after.checkpoint != null || after.status === 'failed')) || beforeHadCheckpoint(change);
}
