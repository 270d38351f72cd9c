import { EventEmitter } from 'node:events';
import {
  type AppSettings,
  type AppSettingsPatch,
  type ApiMethod,
  type ApiParams,
  type ApiResult,
  type AppStatus,
  type TranscriptPush,
  type ViewQuery,
  type ViewResult,
} from '../../../shared/api';
import { NotifySettings } from '../../../shared/notify-settings';
import type { Companion } from '../companion';
import { parseCall, type ClientHost } from './client-host';
import { desktopCall } from './desktop-calls';
import { NO_SHELL_STATUS, type ShellStatus } from './shell-status';
import { LiveQueries, type LiveQueryOptions } from '../views/live-queries';
import { PopoverOpens } from '../views/popover-opens';

export interface ApiHostOptions {
  demo: boolean;
  /** How this host opens a link in the person's browser (Electron's shell, or the web preview's tab). */
  openExternal?: (url: string) => Promise<void>;
  /** Where settings are kept between runs (the shell's electron-store); none in the web preview. */
  onSettingsChanged?: (settings: NotifySettings) => void;
  /** The desktop app's own settings; absent in the web preview, which has none. */
  appSettings?: AppSettingsPort;
  /** Timing of live queries (tests shorten the clock tick); the defaults suit the app. */
  views?: Omit<LiveQueryOptions, 'onError'>;
  /** A live query failed to evaluate: told, never thrown out of a timer. */
  onError?: (err: Error) => void;
}

/** Settings' profile requests: the list lives with the desktop app's settings, in main. */
export const PROFILE_METHODS = ['addProfile', 'updateProfile', 'removeProfile', 'moveProfile'] as const;
export type ProfileMethod = (typeof PROFILE_METHODS)[number];

export interface AppSettingsPort {
  get(): Promise<AppSettings>;
  update(patch: AppSettingsPatch): Promise<AppSettings>;
  /** Adds, changes, removes or moves a profile; main then hands the core the new list. */
  profile<M extends ProfileMethod>(method: M, params: ApiParams<M>): Promise<AppSettings>;
  /** "Restart to update" or "Check for updates", done by main's updater. */
  appUpdate(action: ApiParams<'appUpdate'>['action']): Promise<null>;
}

/** What the tray shows: the active set's size and what needs the person (the popover's Needs-you count). */
export interface TraySummary {
  active: number;
  needsYou: number;
}

interface HostEvents {
  status: [status: AppStatus];
  summary: [summary: TraySummary];
  transcript: [push: TranscriptPush];
}

/**
 * The core side of the renderer API, whatever carries it (a MessagePort or the web preview's
 * WebSocket, through serveClient): the app's status, live queries answered from the cache, and
 * the requests of API_METHODS, each validated with its schema before it touches anything.
 */
export class ApiHost extends EventEmitter<HostEvents> implements ClientHost {
  private readonly views: LiveQueries;
  private shell: ShellStatus = NO_SHELL_STATUS;
  /** The status last told, as text: 'status' is emitted only when it moved. */
  private toldStatus = '';
  /** Opened sessions, counted across clients: a transcript stays watched until the last one closes it. */
  private readonly opened = new Map<string, number>();
  private readonly stopSummary: () => void;
  private readonly popoverOpens: PopoverOpens;

  constructor(
    private readonly companion: Companion,
    private readonly options: ApiHostOptions,
  ) {
    super();
    this.setMaxListeners(100);
    this.popoverOpens = new PopoverOpens(companion.cache, (save) =>
      companion.sync.queue.pushTask(() => {
        // A task runs inside the write queue's turn: a failure is told, never thrown out of it.
        try {
          save();
        } catch (err) {
          options.onError?.(new Error(`the popover's open could not be recorded: ${(err as Error).message}`));
        }
      }),
    );
    this.views = new LiveQueries(
      { cache: companion.cache, now: () => companion.sync.now(), userId: () => companion.userId, previousPopoverOpen: () => this.popoverOpens.previous() },
      { ...options.views, onError: options.onError },
    );
    this.toldStatus = JSON.stringify(this.readStatus());
    companion.on('applied', (changes) => {
      this.views.changed(changes);
      // A batch whose only news is an unreadable item still has to be told.
      this.statusMoved();
    });
    companion.on('state', () => {
      this.views.changed();
      this.statusMoved();
    });
    companion.on('hello', () => {
      // A new user changes "mine", a new skew the clock every answer is read at.
      this.views.changed();
      this.statusMoved();
    });
    companion.on('transcript', (sessionId, afterSeq) => {
      this.emit('transcript', { sessionId, entries: companion.cache.transcript(sessionId, afterSeq, 5000) });
    });
    this.stopSummary = this.views.follow(
      (now) => this.summaryAt(now),
      (summary) => this.emit('summary', summary),
    );
  }

  /** Everything a window shows besides sessions. */
  status(): AppStatus {
    return this.readStatus();
  }

  /** What main tells every window (a core restart, the app's update): part of the status. */
  setShellStatus(patch: Partial<ShellStatus>): void {
    this.shell = { ...this.shell, ...patch };
    this.statusMoved();
  }

  /** The tray's counts now, from SQL counts over the active set. */
  summary(): TraySummary {
    return this.summaryAt(this.companion.sync.now());
  }

  /** Opens a live query: its result now, then each changed result, until the returned close. */
  watch(query: ViewQuery, listener: (result: ViewResult) => void): () => void {
    return this.views.watch(query, listener);
  }

  /** Stops the live queries' timers (the companion is closed by its owner). */
  close(): void {
    this.stopSummary();
    this.views.close();
  }

  /** Validates the parameters with the method's schema, then does it. */
  async call<M extends ApiMethod>(method: M, raw: unknown): Promise<ApiResult<M>> {
    return (await this.dispatch(method, parseCall(method, raw))) as ApiResult<M>;
  }

  private summaryAt(now: number): TraySummary {
    return { active: this.views.source.cache.count({ view: 'active' }, now), needsYou: this.views.needsYou(now).length };
  }

  private applySettings(patch: Partial<NotifySettings>): NotifySettings {
    const { companion } = this;
    companion.notifySettings = NotifySettings.parse({ ...companion.notifySettings, ...patch });
    this.options.onSettingsChanged?.(companion.notifySettings);
    return companion.notifySettings;
  }

  private readStatus(): AppStatus {
    const { companion } = this;
    return {
      // One host alone is one unnamed backend; the ProfileHub names its profiles.
      profiles: [],
      connection: companion.connection.state,
      user: companion.user,
      skewMs: companion.sync.skew,
      demo: this.options.demo,
      unreadable: companion.cache.unreadable(),
      ...this.shell,
    };
  }

  private statusMoved(): void {
    const status = this.readStatus();
    const text = JSON.stringify(status);
    if (text === this.toldStatus) return;
    this.toldStatus = text;
    this.emit('status', status);
  }

  private async dispatch(method: ApiMethod, params: unknown): Promise<unknown> {
    const { companion } = this;
    switch (method) {
      case 'command':
        return companion.commands.run(params as Parameters<typeof companion.commands.run>[0]);
      case 'transcript': {
        const p = params as { sessionId: string; afterSeq: number; limit: number };
        return companion.cache.transcript(p.sessionId, p.afterSeq, p.limit);
      }
      case 'openSession': {
        const { sessionId } = params as { sessionId: string };
        const n = this.opened.get(sessionId) ?? 0;
        this.opened.set(sessionId, n + 1);
        if (n === 0) companion.transcripts.open(sessionId);
        return null;
      }
      case 'closeSession': {
        const { sessionId } = params as { sessionId: string };
        const n = this.opened.get(sessionId) ?? 0;
        if (n > 1) this.opened.set(sessionId, n - 1);
        else {
          this.opened.delete(sessionId);
          companion.transcripts.close(sessionId);
        }
        return null;
      }
      case 'getSettings':
        return companion.notifySettings;
      case 'updateSettings':
        return this.applySettings(params as Partial<NotifySettings>);
      case 'muteFlow': {
        const { flow, muted } = params as { flow: { id: string; name: string }; muted: boolean };
        const others = companion.notifySettings.mutedFlows.filter((f) => f.id !== flow.id);
        return this.applySettings({ mutedFlows: muted ? [...others, flow] : others });
      }
      case 'popoverOpened':
        this.popoverOpens.opened(companion.sync.now());
        // Failures the person has now been shown leave Needs you at the next open, not this one:
        // nothing on screen moves, but the tray's count and every popover are told.
        this.views.changed();
        return null;
      case 'remindLater': {
        const { sessionId, minutes } = params as { sessionId: string; minutes: number };
        return companion.remindLater(sessionId, minutes);
      }
      default:
        return desktopCall(method, params, { ...this.options, profiles: false });
    }
  }
}
