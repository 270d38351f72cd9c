import { EventEmitter } from 'node:events';
import { scopeId } from '../../../shared/api/scoped-id';
import type { ApiMethod, ApiParams, AppStatus, CommandReply, TranscriptPush, ViewQuery, ViewResult } from '../../../shared/api';
import { NotifySettings } from '../../../shared/notify-settings';
import { ApiRequestError, parseCall, type ClientHost } from '../api/client-host';
import { NO_SHELL_STATUS, type ShellStatus } from '../api/shell-status';
import type { AppSettingsPort, TraySummary } from '../api/api-host';
import { desktopCall } from '../api/desktop-calls';
import type { NotifyEvent } from '../notify/policy';
import type { CoreSummary } from '../runtime/core-link';
import { HubWatch, resolveSession } from './hub-watch';
import { ProfileMember, type MemberOptions, type ProfileSpec } from './profile-member';
import { hubStatus, hubTraySummary, type Unstarted } from './hub-status';
import { deleteProfileCache } from './profile-store';

export interface ProfileHubOptions extends MemberOptions {
  /**
   * The data directory whose profiles/<id>/ folders are the profiles' caches: a removed profile's
   * is deleted there, and nothing else ever is. Unset (the CLI's --backend form), nothing is deleted.
   */
  cacheRoot?: string;
  /** The app-wide notification settings (snooze and quiet hours are one for every profile). */
  notify?: Partial<NotifySettings>;
  openExternal?: (url: string) => Promise<void>;
  onSettingsChanged?: (settings: NotifySettings) => void;
  /** The desktop app's settings and profile list (main's); absent in the web preview. */
  appSettings?: AppSettingsPort;
}

interface HubEvents {
  status: [status: AppStatus];
  transcript: [push: TranscriptPush];
  /** The tray's counts or connection moved. */
  summary: [];
  /** A notification to show, its ids scoped and its title naming the tenant when there are several. */
  notification: [event: NotifyEvent];
}

const sessionOf = (params: unknown): string => (params as { sessionId: string }).sessionId;

/**
 * Every profile behind one API (issue 14): each profile runs its own core (connection, cache,
 * live queries, notifications) and the hub scopes their ids by profile, merges their answers by
 * the same rules a single cache uses, and sends each request to the profile it names, and only
 * there. A profile that needs sign-in or is offline answers from its cache like any other, so it
 * never holds the rest back.
 */
export class ProfileHub extends EventEmitter<HubEvents> implements ClientHost {
  private members: ProfileMember[] = [];
  private readonly watches = new Set<HubWatch>();
  /** Each running member's listeners, taken off when it stops. */
  private readonly detach = new Map<ProfileMember, () => void>();
  private notifySettings: NotifySettings;
  private shell: ShellStatus = NO_SHELL_STATUS;
  private toldStatus = '';
  private changing: Promise<void> = Promise.resolve();
  /** How many profiles the person has, started or not: a notification names its tenant when more than one. */
  private wanted = 0;
  /** Profiles that could not start, with why, in the person's order: shown, never hidden. */
  private unstarted: Unstarted[] = [];
  /** Each profile's place in the person's order. */
  private order = new Map<string, number>();
  private closed = false;

  constructor(private readonly options: ProfileHubOptions) {
    super();
    this.setMaxListeners(100);
    this.notifySettings = NotifySettings.parse(options.notify ?? {});
  }

  /** The profiles now running, in the person's order. */
  get running(): readonly ProfileMember[] {
    return this.members;
  }

  /**
   * Makes the running profiles these, in this order: new ones start, gone ones stop and their
   * caches are deleted, a moved backend starts over, a new token reaches its connection. Calls
   * are taken one after another. A profile that cannot start is logged and left out; the others run.
   */
  setProfiles(specs: readonly ProfileSpec[]): Promise<string[]> {
    const run = this.changing.then(() => this.reconcile(specs));
    this.changing = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async reconcile(specs: readonly ProfileSpec[]): Promise<string[]> {
    const failures: string[] = [];
    const unstarted: Unstarted[] = [];
    this.wanted = specs.length;
    const wanted = new Map(specs.map((s) => [s.id, s]));
    const leaving = this.members.filter((m) => {
      const spec = wanted.get(m.id);
      return !spec || spec.backendUrl !== m.spec.backendUrl || spec.dataDir !== m.spec.dataDir;
    });
    if (leaving.length > 0) {
      // Out of every read first (status, queries, routing), then stopped: nothing reads a closed cache.
      this.members = this.members.filter((m) => !leaving.includes(m));
      this.membersChanged();
      for (const member of leaving) {
        await this.stopMember(member);
        // Removed, or moved to another backend, whose sessions and cursor are not this cache's.
        deleteProfileCache(this.options.cacheRoot, member.spec, this.options.logger);
      }
    }
    for (const spec of specs) {
      const member = this.members.find((m) => m.id === spec.id);
      if (member) {
        if (member.spec.token !== spec.token) member.core.companion.connection.replaceToken(spec.token);
        member.spec = spec;
        member.applyNotify(this.notifySettings);
        continue;
      }
      try {
        const started = await ProfileMember.start(spec, this.notifySettings, this.options);
        this.attach(started);
        this.members = [...this.members, started];
      } catch (error) {
        failures.push(`${spec.name ?? spec.id}: ${(error as Error).message}`);
        unstarted.push({ spec, reason: (error as Error).message });
        this.options.logger.warn(`[${spec.id}] could not start: ${(error as Error).message}`);
      }
    }
    this.unstarted = unstarted;
    this.order = new Map(specs.map((s, i) => [s.id, i]));
    this.members = [...this.members].sort((a, b) => this.order.get(a.id)! - this.order.get(b.id)!);
    this.membersChanged();
    return failures;
  }

  /** Every open query starts over on the members now running; the status and the tray are told. */
  private membersChanged(): void {
    if (this.closed) return;
    for (const watch of this.watches) watch.open(this.members);
    this.statusMoved();
    this.emit('summary');
  }

  status(): AppStatus {
    return hubStatus(this.members, this.unstarted, this.shell, this.order);
  }

  /** What the tray shows: counts summed, the most urgent connection, and which profiles are not live. */
  traySummary(): CoreSummary {
    return hubTraySummary(this.members, this.status());
  }

  /** The counts alone, as one ApiHost gives them. */
  summary(): TraySummary {
    const { active, needsYou } = this.traySummary();
    return { active, needsYou };
  }

  /** What main tells every window (a core restart, the app's update): part of the status. */
  setShellStatus(patch: Partial<ShellStatus>): void {
    this.shell = { ...this.shell, ...patch };
    this.statusMoved();
  }

  watch(query: ViewQuery, listener: (result: ViewResult) => void): () => void {
    const watch = new HubWatch(query, listener, () => this.now());
    this.watches.add(watch);
    watch.open(this.members);
    return () => {
      watch.close();
      this.watches.delete(watch);
    };
  }

  async call(method: ApiMethod, raw: unknown): Promise<unknown> {
    const params = parseCall(method, raw);
    switch (method) {
      case 'command': {
        const found = resolveSession(this.members, sessionOf(params));
        if (!found) return { ok: false, code: 'not_found', message: 'that session belongs to no profile here (was its profile removed?)' } satisfies CommandReply;
        return found.member.core.host.call('command', { ...(params as ApiParams<'command'>), sessionId: found.id });
      }
      case 'transcript':
      case 'openSession':
      case 'closeSession':
      case 'remindLater': {
        const found = resolveSession(this.members, sessionOf(params));
        if (!found) {
          if (method === 'closeSession') return null;
          throw new ApiRequestError('that session belongs to no profile here');
        }
        return found.member.core.host.call(method, { ...(params as object), sessionId: found.id });
      }
      case 'getSettings':
        return this.notifySettings;
      case 'updateSettings':
        return this.applySettings(params as Partial<NotifySettings>);
      case 'muteFlow': {
        const { flow, muted } = params as ApiParams<'muteFlow'>;
        const others = this.notifySettings.mutedFlows.filter((f) => f.id !== flow.id);
        return this.applySettings({ mutedFlows: muted ? [...others, flow] : others });
      }
      case 'popoverOpened':
        await Promise.all(this.members.map((m) => m.core.host.call('popoverOpened', {})));
        return null;
      default:
        return desktopCall(method, params, { ...this.options, profiles: true });
    }
  }

  /** A notification's Approve or "Remind me", from main: the same routing as a window's call. */
  command(request: ApiParams<'command'>): Promise<CommandReply> {
    return this.call('command', request) as Promise<CommandReply>;
  }

  /** Main's change of the notification settings (the tray's snooze), applied to every profile. */
  patchNotify(patch: Partial<NotifySettings>): NotifySettings {
    this.notifySettings = NotifySettings.parse({ ...this.notifySettings, ...patch });
    for (const member of this.members) member.applyNotify(this.notifySettings);
    return this.notifySettings;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.changing;
    for (const watch of this.watches) watch.close();
    this.watches.clear();
    for (const member of this.members.splice(0)) await this.stopMember(member);
  }

  /** The first profile's server clock: the one a merged list is ordered by. */
  private now(): number {
    const first = this.members[0];
    return first ? first.core.companion.sync.now() : Date.now();
  }

  private applySettings(patch: Partial<NotifySettings>): NotifySettings {
    const settings = this.patchNotify(patch);
    this.options.onSettingsChanged?.(settings);
    return settings;
  }

  private attach(member: ProfileMember): void {
    const { host, companion } = member.core;
    const onStatus = () => this.statusMoved();
    const onSummary = () => this.emit('summary');
    const onTranscript = (push: TranscriptPush) => this.emit('transcript', { ...push, sessionId: scopeId(member.id, push.sessionId) });
    const onNotification = (event: NotifyEvent) => this.emit('notification', this.scopeEvent(member, event));
    host.on('status', onStatus);
    host.on('summary', onSummary);
    host.on('transcript', onTranscript);
    companion.on('state', onSummary);
    companion.on('notification', onNotification);
    this.detach.set(member, () => {
      host.off('status', onStatus);
      host.off('summary', onSummary);
      host.off('transcript', onTranscript);
      companion.off('state', onSummary);
      companion.off('notification', onNotification);
    });
  }

  private scopeEvent(member: ProfileMember, event: NotifyEvent): NotifyEvent {
    // With one profile there is no other tenant to tell it from: the banner keeps every character.
    const title = this.wanted > 1 ? `${member.name()} · ${event.title}` : event.title;
    return {
      ...event,
      title,
      sessionId: event.sessionId === null ? null : scopeId(member.id, event.sessionId),
      ...(event.sessionIds ? { sessionIds: event.sessionIds.map((id) => scopeId(member.id, id)) } : {}),
    };
  }

  private async stopMember(member: ProfileMember): Promise<void> {
    this.detach.get(member)?.();
    this.detach.delete(member);
    member.core.host.close();
    await member.core.stop();
  }

  private statusMoved(): void {
    const status = this.status();
    const text = JSON.stringify(status);
    if (text === this.toldStatus) return;
    this.toldStatus = text;
    this.emit('status', status);
  }
}
