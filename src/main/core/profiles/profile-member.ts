import type { ProfileStatus } from '../../../shared/api';
import { NotifySettings } from '../../../shared/notify-settings';
import { profileColor, type ProfileNotify } from '../../../shared/profiles/profile-fields';
import type { Logger } from '../log';
import { startCore, type RunningCore, type StartCoreOptions } from '../runtime/start-core';

/** One profile as the core runs it: who it is, where its backend is, and where its cache lives. */
export interface ProfileSpec {
  id: string;
  /** The person's name for it; null: the tenant's name from `hello`. */
  name: string | null;
  color: string | null;
  notify: ProfileNotify;
  /** Null: the project's demo backend, run in this process. */
  backendUrl: string | null;
  token: string | null;
  /** This profile's cache directory. */
  dataDir: string;
  demo?: StartCoreOptions['demo'];
}

export interface MemberOptions {
  logger: Logger;
  nativeBinding?: string;
  views?: NonNullable<StartCoreOptions['host']>['views'];
  onError?: (err: Error) => void;
}

/** "Far in the future": a profile whose notifications are off is snoozed past any real moment. */
const FOREVER = 8.64e15;

/** Log lines name the profile by its id: stable, short, and never a secret. */
const tagged = (logger: Logger, id: string): Logger => ({ info: (m) => logger.info(`[${id}] ${m}`), warn: (m) => logger.warn(`[${id}] ${m}`) });

/**
 * One profile's running core (its connection, its cache, its live queries), as the ProfileHub
 * holds it. The name and the label's colour are read here so every view says them alike.
 */
export class ProfileMember {
  private constructor(
    public spec: ProfileSpec,
    readonly core: RunningCore,
  ) {}

  static async start(spec: ProfileSpec, notify: NotifySettings, options: MemberOptions): Promise<ProfileMember> {
    const core = await startCore({
      backendUrl: spec.backendUrl,
      token: spec.token,
      dataDir: spec.dataDir,
      notify: notifyFor(spec, notify),
      logger: tagged(options.logger, spec.id),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(spec.demo ? { demo: spec.demo } : {}),
      host: { ...(options.views ? { views: options.views } : {}), ...(options.onError ? { onError: options.onError } : {}) },
    });
    if (core.notice) options.logger.warn(`[${spec.id}] ${core.notice}`);
    return new ProfileMember(spec, core);
  }

  get id(): string {
    return this.spec.id;
  }

  /** The person's name for it, else the tenant's from `hello`, else what is known of the backend. */
  name(): string {
    if (this.spec.name) return this.spec.name;
    const tenant = this.tenantName();
    if (tenant) return tenant;
    if (this.core.demo) return 'Demo';
    try {
      return new URL(this.spec.backendUrl ?? '').host || this.spec.id;
    } catch {
      return this.spec.id;
    }
  }

  status(): ProfileStatus {
    const { companion } = this.core;
    return {
      id: this.spec.id,
      name: this.name(),
      color: profileColor(this.spec.id, this.spec.color),
      connection: companion.connection.state,
      user: companion.user,
      skewMs: companion.sync.skew,
      demo: this.core.demo,
    };
  }

  /** The app's notification settings as this profile applies them. */
  applyNotify(global: NotifySettings): void {
    this.core.companion.notifySettings = notifyFor(this.spec, global);
  }

  private tenantName(): string | null {
    try {
      const raw = this.core.companion.cache.getMeta('tenant');
      const name = raw ? (JSON.parse(raw) as { name?: unknown }).name : null;
      return typeof name === 'string' && name.trim() ? name.trim() : null;
    } catch {
      return null;
    }
  }
}

/**
 * The app-wide settings (one snooze, one set of quiet hours for every profile) with this profile's
 * own choice of whose checkpoints notify, and its own muted flows (kept scoped, `<profile>/<flow>`).
 */
export function notifyFor(spec: Pick<ProfileSpec, 'id' | 'notify'>, global: NotifySettings): NotifySettings {
  const prefix = `${spec.id}/`;
  const mutedFlows = global.mutedFlows.filter((f) => f.id.startsWith(prefix)).map((f) => ({ ...f, id: f.id.slice(prefix.length) }));
  const own = spec.notify === 'mine' || spec.notify === 'all' ? { scope: spec.notify } : {};
  const off = spec.notify === 'off' ? { snoozedUntil: FOREVER } : {};
  return NotifySettings.parse({ ...global, ...own, ...off, mutedFlows });
}
