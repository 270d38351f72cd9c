import type { UpdateStatus } from '../../../shared/update/update-status';
import type { AppSettings, AppSettingsPatch } from '../../../shared/api';
import { serveClient } from '../api/serve-client';
import type { Logger } from '../log';
import { adoptLegacyCache } from '../profiles/legacy-cache';
import type { ProfileHub } from '../profiles/profile-hub';
import type { ProfileSpec } from '../profiles/profile-member';
import { profileCacheDir } from '../profiles/profile-store';
import { CoreSummaryFeed } from './summary-feed';
import { describeIssues, MainToCore, type CoreRequestMethod, type CoreToMain, type ProfileStart, type StartMessage } from './core-link';
import { portPeer, type PortLike } from './port-peer';
import type { FailureCounts } from './safety-net';
import { startProfiles } from './start-profiles';
import { writeReport } from '../diagnostics/write-report';

/** The core's end of its link to main: process.parentPort in the utility process, a fake in tests. */
export interface ParentLink {
  post(message: CoreToMain): void;
  onMessage(listener: (data: unknown, ports: readonly PortLike[]) => void): void;
}

export interface CoreService {
  /** Closes the database and ends the process (a `stop` message, or SIGTERM from child.kill()). */
  stop(): Promise<void>;
}

/** Requests to main wait this long; main answers at once unless it is gone. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The core as a service of main: started by main's `start`, it runs startCore, serves each
 * window's MessagePort with serveClient, feeds the tray its summary and the notifier its events,
 * and asks main for what only main has (the desktop settings, the system browser).
 */
export function serveParent(
  link: ParentLink,
  exit: (code: number) => void,
  stderr: (line: string) => void = () => undefined,
  /** What the process's safety net caught (./safety-net), for a problem report. */
  failures: FailureCounts = { unhandledRejections: 0, uncaughtExceptions: 0 },
): CoreService {
  let core: ProfileHub | null = null;
  let dataDir = '';
  let feed: CoreSummaryFeed | null = null;
  let started = false;
  let stopping: Promise<void> | null = null;
  const waitingClients: PortLike[] = [];
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  let nextRequest = 1;

  const logger: Logger = {
    info: (message) => link.post({ t: 'log', level: 'info', message }),
    warn: (message) => link.post({ t: 'log', level: 'warn', message }),
  };

  const ask = (method: CoreRequestMethod, params: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextRequest++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`main did not answer ${method}`));
      }, REQUEST_TIMEOUT_MS);
      timer.unref();
      pending.set(id, { resolve, reject, timer });
      link.post({ t: 'request', id, method, params });
    });

  const serve = (port: PortLike) => {
    if (core) serveClient(portPeer(port), core);
    else waitingClients.push(port);
  };

  // Each profile's cache has its folder under the data directory main chose.
  const specsOf = (profiles: readonly ProfileStart[]): ProfileSpec[] => profiles.map((p) => ({ ...p, dataDir: profileCacheDir(dataDir, p.id) }));

  let pendingProfiles: ProfileStart[] | null = null;
  let pendingUpdate: UpdateStatus | null = null;
  const follow = (hub: ProfileHub, profiles: readonly ProfileStart[]) =>
    void hub.setProfiles(specsOf(profiles)).then(
      (failures) => failures.forEach((f) => logger.warn(`a profile could not start: ${f}`)),
      (error: Error) => logger.warn(`the new list of profiles could not be applied: ${error.message}`),
    );

  const start = async (message: StartMessage) => {
    dataDir = message.dataDir;
    try {
      if (message.adoptLegacyCacheAs) {
        const moved = adoptLegacyCache(dataDir, profileCacheDir(dataDir, message.adoptLegacyCacheAs));
        if (moved) logger.info(moved);
      }
      core = await startProfiles(specsOf(message.profiles), {
        cacheRoot: dataDir,
        nativeBinding: message.nativeBinding,
        notify: message.notify,
        logger,
        openExternal: async (url) => void (await ask('openExternal', { url })),
        onSettingsChanged: (notify) => void ask('saveNotify', notify).catch((e: Error) => logger.warn(`notification settings not saved: ${e.message}`)),
        appSettings: {
          get: async () => (await ask('getAppSettings', {})) as AppSettings,
          update: async (patch: AppSettingsPatch) => (await ask('updateAppSettings', patch)) as AppSettings,
          profile: async (method, params) => (await ask(method, params)) as AppSettings,
          appUpdate: async (action) => (await ask('appUpdate', { action }), null),
        },
      });
    } catch (error) {
      // Restarting would fail the same way (caches another process holds, a disk it cannot write).
      link.post({ t: 'failed', message: (error as Error).message });
      exit(2);
      return;
    }
    core.setShellStatus({ coreRestart: message.coreRestart, update: pendingUpdate ?? message.update });
    const running = core;
    feed = new CoreSummaryFeed(running, (summary) => link.post({ t: 'summary', summary }));
    running.on('notification', (event) => link.post({ t: 'notify', event }));
    link.post({ t: 'ready' });
    if (pendingProfiles) follow(running, pendingProfiles);
    pendingProfiles = null;
    for (const port of waitingClients.splice(0)) serve(port);
  };

  const handle = (message: MainToCore, ports: readonly PortLike[]) => {
    switch (message.t) {
      case 'start':
        if (started) return logger.warn('a second start was ignored');
        started = true;
        return void start(message);
      case 'client': {
        const port = ports[0];
        if (port) serve(port);
        return;
      }
      case 'reply': {
        const waiting = pending.get(message.id);
        if (!waiting) return;
        pending.delete(message.id);
        clearTimeout(waiting.timer);
        if (message.ok) waiting.resolve(message.result);
        else waiting.reject(new Error(message.error ?? 'main refused'));
        return;
      }
      case 'stop':
        return void service.stop();
    }
    // A list of profiles changed while the core was starting is the one to run once it has.
    if (!core && message.t === 'profiles') return void (pendingProfiles = message.profiles);
    if (!core && message.t === 'update') return void (pendingUpdate = message.status);
    if (!core) return logger.warn(`${message.t} before the core started was ignored`);
    const hub = core;
    switch (message.t) {
      case 'profiles':
        return follow(hub, message.profiles);
      case 'reconnectNow':
        return hub.running.forEach((m) => m.core.companion.connection.reconnectNow());
      case 'reconnectAfterWake':
        return hub.running.forEach((m) => m.core.companion.connection.reconnectAfterWake());
      case 'notifySettings':
        hub.patchNotify(message.patch);
        return;
      case 'update':
        return hub.setShellStatus({ update: message.status });
      case 'remindLater':
        // The reason names the session by its title: the log gets its id only.
        hub.call('remindLater', message.params).catch(() => logger.warn(`"Remind me in 1 h" from a notification was not scheduled for session ${message.params.sessionId}`));
        return;
      case 'diagnostics': {
        const { id, path, settings, logs, versions, counters } = message;
        try {
          writeReport(path, {
            versions,
            settings,
            logs,
            caches: hub.running.map((m) => ({ profile: m.id, folder: m.spec.dataDir })),
            counters: {
              ...counters,
              'core.unhandledRejections': failures.unhandledRejections,
              'core.uncaughtExceptions': failures.uncaughtExceptions,
              ...Object.fromEntries(hub.running.flatMap((m) => Object.entries(m.core.companion.connection.stats).map(([k, v]) => [`${m.id}.${k}`, v]))),
            },
            now: Date.now(),
          });
          link.post({ t: 'reply', id, ok: true, result: null });
        } catch (error) {
          link.post({ t: 'reply', id, ok: false, error: (error as Error).message });
        }
        return;
      }
      case 'command': {
        const { id } = message;
        hub.call('command', message.request).then(
          (result) => link.post({ t: 'reply', id, ok: true, result }),
          (error: Error) => link.post({ t: 'reply', id, ok: false, error: error.message }),
        );
      }
    }
  };

  link.onMessage((data, ports) => {
    const parsed = MainToCore.safeParse(data);
    if (!parsed.success) {
      stderr(`core: a message from main was dropped: ${describeIssues(parsed.error)}`);
      return;
    }
    handle(parsed.data, ports);
  });

  const service: CoreService = {
    stop() {
      stopping ??= (async () => {
        for (const [id, waiting] of pending) {
          clearTimeout(waiting.timer);
          waiting.reject(new Error('the core is stopping'));
          pending.delete(id);
        }
        try {
          feed?.stop();
          await core?.close();
        } finally {
          exit(0);
        }
      })();
      return stopping;
    },
  };
  return service;
}
