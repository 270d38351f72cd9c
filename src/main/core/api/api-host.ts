import { EventEmitter } from 'node:events';
import { API_METHODS, type AppSettings, type AppSettingsPatch, type ApiMethod, type ApiResult, type TranscriptPush, type UnreadableSessions, type ViewDelta, type ViewSnapshot, type ViewUpdate } from '../../../shared/api';
import { NotifySettings } from '../../../shared/notify-settings';
import type { Companion } from '../companion';

export interface ApiHostOptions {
  demo: boolean;
  /** How this host opens a link in the person's browser (Electron's shell, or the web preview's tab). */
  openExternal?: (url: string) => Promise<void>;
  /** Where settings are kept between runs (the shell's electron-store); none in the web preview. */
  onSettingsChanged?: (settings: NotifySettings) => void;
  /** The desktop app's own settings; absent in the web preview, which has none. */
  appSettings?: AppSettingsPort;
}

export interface AppSettingsPort {
  get(): Promise<AppSettings>;
  update(patch: AppSettingsPatch): Promise<AppSettings>;
}

interface HostEvents {
  view: [update: ViewUpdate];
  transcript: [push: TranscriptPush];
}

/** Thrown for a request that fails its schema: the transport answers with the message. */
export class ApiRequestError extends Error {}

/**
 * The main side of the renderer API, whatever carries it (IPC or the web bridge): a versioned
 * view fed by the companion's applied changes as deltas by id, and the requests of API_METHODS,
 * each validated with its schema before it touches anything.
 */
export class ApiHost extends EventEmitter<HostEvents> {
  private version = 0;
  /** What the view was last told could not be read, as text: a delta carries it only when it moved. */
  private toldUnreadable = '';

  constructor(
    private readonly companion: Companion,
    private readonly options: ApiHostOptions,
  ) {
    super();
    this.setMaxListeners(100);
    companion.on('applied', (changes) => {
      const upserts = [];
      const removals = [];
      for (const { before, after } of changes) {
        if (after) upserts.push(after);
        else if (before) removals.push(before.id);
      }
      const unreadable = this.unreadableIfMoved();
      if (upserts.length || removals.length || unreadable) this.publish({ upserts, removals, ...(unreadable ? { unreadable } : {}) });
    });
    companion.on('state', (connection) => this.publish({ connection }));
    companion.on('hello', () => this.publish({ user: companion.user, skewMs: companion.sync.skew }));
    companion.on('transcript', (sessionId, afterSeq) => {
      this.emit('transcript', { sessionId, entries: companion.cache.transcript(sessionId, afterSeq, 5000) });
    });
  }

  snapshot(): ViewSnapshot {
    const { companion } = this;
    return {
      kind: 'snapshot',
      version: this.version,
      sessions: companion.cache.query({ view: 'all' }, companion.sync.now()),
      connection: companion.connection.state,
      user: companion.user,
      skewMs: companion.sync.skew,
      demo: this.options.demo,
      unreadable: this.unreadable(),
    };
  }

  private unreadable(): UnreadableSessions {
    const now = this.companion.cache.unreadable();
    this.toldUnreadable = JSON.stringify(now);
    return now;
  }

  /** Read after each commit: a batch whose only news is an unreadable item still has to be told. */
  private unreadableIfMoved(): UnreadableSessions | null {
    const before = this.toldUnreadable;
    const now = this.unreadable();
    return this.toldUnreadable === before ? null : now;
  }

  /** Validates the parameters with the method's schema, then does it. */
  async call<M extends ApiMethod>(method: M, raw: unknown): Promise<ApiResult<M>> {
    const spec = API_METHODS[method];
    if (!spec) throw new ApiRequestError(`unknown method ${String(method)}`);
    const parsed = spec.params.safeParse(raw);
    if (!parsed.success) throw new ApiRequestError(`invalid ${method} request: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return (await this.dispatch(method, parsed.data as unknown)) as ApiResult<M>;
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
      case 'openSession':
        companion.transcripts.open((params as { sessionId: string }).sessionId);
        return null;
      case 'closeSession':
        companion.transcripts.close((params as { sessionId: string }).sessionId);
        return null;
      case 'getSettings':
        return companion.notifySettings;
      case 'updateSettings':
        companion.notifySettings = NotifySettings.parse({ ...companion.notifySettings, ...(params as Partial<NotifySettings>) });
        this.options.onSettingsChanged?.(companion.notifySettings);
        return companion.notifySettings;
      case 'getAppSettings':
        return this.options.appSettings ? this.options.appSettings.get() : null;
      case 'updateAppSettings':
        if (!this.options.appSettings) throw new ApiRequestError('these settings belong to the desktop app');
        return this.options.appSettings.update(params as AppSettingsPatch);
      case 'openExternal':
        if (!this.options.openExternal) throw new ApiRequestError('this host cannot open links');
        await this.options.openExternal((params as { url: string }).url);
        return null;
    }
  }

  private publish(patch: Omit<ViewDelta, 'kind' | 'version' | 'upserts' | 'removals'> & Partial<Pick<ViewDelta, 'upserts' | 'removals'>>): void {
    this.version++;
    this.emit('view', { kind: 'delta', version: this.version, upserts: [], removals: [], ...patch });
  }
}
