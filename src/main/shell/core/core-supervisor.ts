import { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import type { MessageChannelMain, UtilityProcess, WebContents } from 'electron';
import type { CommandReply, CommandRequest, CoreRestart } from '../../../shared/api';
import type { UpdateStatus } from '../../../shared/update/update-status';
import { IPC } from '../../../shared/api/ipc-channels';
import { CoreToMain, describeIssues, type CoreRequestMethod, type CoreSummary, type MainToCore, type StartMessage } from '../../core/runtime/core-link';
import type { NotifyEvent } from '../../core/notify/policy';
import { DEFAULT_RESTART_POLICY, exitReason, NO_RESTARTS, planRestart, type RestartPolicy, type RestartState } from './restart-policy';

export type CoreChild = Pick<UtilityProcess, 'postMessage' | 'kill' | 'stdout' | 'stderr'> & {
  on(event: 'spawn', listener: () => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
};
export type CoreClient = Pick<WebContents, 'postMessage' | 'isDestroyed' | 'once'>;

export interface SupervisorDeps {
  /** utilityProcess.fork of out/main/core.js. */
  fork(): CoreChild;
  newChannel(): Pick<MessageChannelMain, 'port1' | 'port2'>;
  /** What the next core starts with, read afresh each time (the profiles may have changed). */
  startMessage(): Promise<Omit<StartMessage, 't' | 'coreRestart' | 'update'>>;
  /** Answers the core's requests (settings, links); a throw is sent back as the error. */
  answer(method: CoreRequestMethod, params: unknown): Promise<unknown>;
  log(line: string): void;
  now?: () => number;
  policy?: RestartPolicy;
  /** How long a stop waits for a clean exit before killing. */
  stopGraceMs?: number;
}

interface SupervisorEvents {
  summary: [summary: CoreSummary];
  notify: [event: NotifyEvent];
  /** Something the tray should say about the core itself; null when all is well again. */
  trouble: [words: string | null];
}

/**
 * The core's utility process, as main keeps it: forked with what it needs, fed main's events
 * (profiles, wake, snooze), asked for approvals, answering its requests, handing each window a
 * MessagePort to it, and started again, with backoff, when it stops on its own.
 */
export class CoreSupervisor extends EventEmitter<SupervisorEvents> {
  private child: CoreChild | null = null;
  private startedAt = 0;
  private restarts: RestartState = NO_RESTARTS;
  private lastRestart: CoreRestart | null = null;
  private update: UpdateStatus | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping: Promise<void> | null = null;
  private failed: string | null = null;
  private readonly clients = new Set<CoreClient>();
  /** Main's requests waiting for the core's `reply`, by id: a notification's Approve, a problem report. */
  private readonly replies = new Map<number, (reply: { ok: boolean; result?: unknown; error?: string; gone?: true }) => void>();
  private nextCommand = 1;
  private lastSummary: CoreSummary | null = null;
  private exited: (() => void) | null = null;

  constructor(private readonly deps: SupervisorDeps) {
    super();
  }

  private get now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** The last summary the core sent (null until one came). */
  get summary(): CoreSummary | null {
    return this.lastSummary;
  }

  start(): void {
    void this.spawn();
  }

  /** Gives this window a port to the core, now and after every restart, until it is destroyed. */
  connect(client: CoreClient): void {
    if (!this.clients.has(client)) {
      this.clients.add(client);
      client.once('destroyed', () => this.clients.delete(client));
    }
    if (this.child) this.handPort(client, this.child);
  }

  /**
   * Fire-and-forget messages: the profile list, a wake, the tray's snooze. Lost while no core runs,
   * as they would be moot: the next core starts from the settings as they are then.
   */
  send(message: Extract<MainToCore, { t: 'profiles' | 'reconnectNow' | 'reconnectAfterWake' | 'notifySettings' | 'remindLater' }>): void {
    this.child?.postMessage(message);
  }

  /** The app's update moved: every window is told now, and a core started later is told at start. */
  setUpdate(status: UpdateStatus): void {
    this.update = status;
    this.child?.postMessage({ t: 'update', status } satisfies MainToCore);
  }

  /** A command (a notification's Approve), answered by the core. */
  command(request: CommandRequest): Promise<CommandReply> {
    const child = this.child;
    if (!child) return Promise.resolve({ ok: false, code: 'core_unavailable', message: 'Parrot Tray is restarting its core; try again in a moment' });
    const id = this.nextCommand++;
    return new Promise((resolve) => {
      this.replies.set(id, (reply) =>
        resolve(reply.ok ? (reply.result as CommandReply) : { ok: false, code: reply.gone ? 'core_unavailable' : 'internal', message: reply.error ?? 'the command failed' }),
      );
      child.postMessage({ t: 'command', id, request } satisfies MainToCore);
    });
  }

  /** "Report a problem…": the core writes the bundle to `path`; rejects with why it could not. */
  writeReport(report: Omit<Extract<MainToCore, { t: 'diagnostics' }>, 't' | 'id'>): Promise<void> {
    const child = this.child;
    if (!child) return Promise.reject(new Error('Parrot Tray is restarting its core; try again in a moment'));
    const id = this.nextCommand++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, (reply) => (reply.ok ? resolve() : reject(new Error(reply.error ?? 'the report could not be written'))));
      child.postMessage({ t: 'diagnostics', id, ...report } satisfies MainToCore);
    });
  }

  /** Asks the core to close its database and exit; kills it if it has not within the grace time. */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      if (this.restartTimer) clearTimeout(this.restartTimer);
      const child = this.child;
      if (!child) return resolve();
      const grace = setTimeout(() => {
        this.deps.log('core: no clean exit in time; killing it');
        child.kill();
        setTimeout(resolve, 2_500).unref();
      }, this.deps.stopGraceMs ?? 5_000);
      this.exited = () => {
        clearTimeout(grace);
        resolve();
      };
      child.postMessage({ t: 'stop' } satisfies MainToCore);
    });
    return this.stopping;
  }

  /** Starts a core again after stop(): an update that was to replace the app could not install. */
  restart(): void {
    this.stopping = null;
    this.exited = null;
    void this.spawn();
  }

  private async spawn(): Promise<void> {
    let start: Omit<StartMessage, 't' | 'coreRestart' | 'update'>;
    try {
      start = await this.deps.startMessage();
    } catch (error) {
      this.deps.log(`core: cannot read what it starts with: ${(error as Error).message}`);
      this.emit('trouble', 'the core could not start: its settings could not be read');
      return;
    }
    if (this.stopping) return;
    const child = this.deps.fork();
    this.child = child;
    this.startedAt = this.now;
    const lines = (stream: NodeJS.ReadableStream | null) => {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.deps.log(`core: ${line}`));
    };
    lines(child.stdout);
    lines(child.stderr);
    child.on('message', (raw) => this.receive(child, raw));
    child.on('exit', (code) => this.onExit(child, code));
    child.postMessage({ t: 'start', ...start, coreRestart: this.lastRestart, update: this.update } satisfies MainToCore);
    for (const client of this.clients) this.handPort(client, child);
  }

  private handPort(client: CoreClient, child: CoreChild): void {
    if (client.isDestroyed()) return void this.clients.delete(client);
    const { port1, port2 } = this.deps.newChannel();
    child.postMessage({ t: 'client' } satisfies MainToCore, [port1]);
    client.postMessage(IPC.port, null, [port2]);
  }

  private receive(child: CoreChild, raw: unknown): void {
    const parsed = CoreToMain.safeParse(raw);
    if (!parsed.success) return this.deps.log(`core: a message was dropped: ${describeIssues(parsed.error)}`);
    const message = parsed.data;
    switch (message.t) {
      case 'ready':
        this.emit('trouble', null);
        return;
      case 'summary':
        this.lastSummary = message.summary;
        this.emit('summary', message.summary);
        return;
      case 'notify':
        this.emit('notify', message.event);
        return;
      case 'log':
        return this.deps.log(`core: ${message.message}`);
      case 'failed':
        this.failed = message.message;
        this.deps.log(`core: could not start: ${message.message}`);
        return;
      case 'reply': {
        const done = this.replies.get(message.id);
        this.replies.delete(message.id);
        done?.(message);
        return;
      }
      case 'request': {
        const { id, method } = message;
        this.deps.answer(method, message.params).then(
          (result) => child.postMessage({ t: 'reply', id, ok: true, result } satisfies MainToCore),
          (error: Error) => child.postMessage({ t: 'reply', id, ok: false, error: error.message } satisfies MainToCore),
        );
      }
    }
  }

  private onExit(child: CoreChild, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    for (const done of this.replies.values()) done({ ok: false, error: 'the core stopped before answering', gone: true });
    this.replies.clear();
    if (this.stopping) {
      this.exited?.();
      return;
    }
    if (this.failed) {
      this.emit('trouble', `the core could not start: ${this.failed}`);
      return;
    }
    const reason = exitReason(code);
    const plan = planRestart(this.restarts, this.now - this.startedAt, this.deps.policy ?? DEFAULT_RESTART_POLICY);
    this.restarts = plan.state;
    if ('giveUp' in plan) {
      this.deps.log(`core: ${reason}; it keeps stopping, so it is not started again`);
      this.emit('trouble', 'the core keeps stopping; quit Parrot Tray and start it again');
      return;
    }
    this.deps.log(`core: ${reason}; starting it again in ${plan.restartInMs} ms`);
    this.emit('trouble', 'the core stopped; restarting it…');
    this.lastRestart = { count: plan.state.total, at: this.now, reason };
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void this.spawn();
    }, plan.restartInMs);
  }
}
