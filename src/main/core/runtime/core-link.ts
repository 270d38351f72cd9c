import { z } from 'zod';
import { API_METHODS, CommandRequest, CoreRestart } from '../../../shared/api';
import { ConnectionPhase } from '../../../shared/connection-state';
import { NotifySettings, NotifySettingsPatch } from '../../../shared/notify-settings';
import { ProfileColor, ProfileId, ProfileNotify } from '../../../shared/profiles/profile-fields';
import { UpdateStatus } from '../../../shared/update/update-status';
import type { NotifyEvent } from '../notify/policy';

/**
 * The messages between Electron's main process (the shell) and the core's utility process, over
 * the utility process's parentPort (structured clone). Windows never use these: each gets its own
 * MessagePort straight to the core (`client`), carrying client-wire.ts's messages.
 *
 * Both sides parse what they receive; a message that fails is logged and dropped, never acted on.
 */

const RequestId = z.number().int().nonnegative();

/**
 * One profile as main hands it to the core, token included (main holds it in safeStorage; it
 * crosses to the core in memory only and is never logged). Its cache is `<dataDir>/profiles/<id>/`.
 */
export const ProfileStart = z.object({
  id: ProfileId,
  /** The person's name for it; null: the tenant's name from `hello`. */
  name: z.string().nullable(),
  color: ProfileColor.nullable(),
  notify: ProfileNotify,
  /** Null: the project's demo backend, run in the core's process. */
  backendUrl: z.string().nullable(),
  token: z.string().nullable(),
});

/** Main asks the core to run, with everything it cannot read for itself (settings live in main). */
export const StartMessage = z.object({
  t: z.literal('start'),
  /** In the person's order; main sends the demo profile when none is configured. */
  profiles: z.array(ProfileStart),
  /** The root of every profile's cache (each in profiles/<id>/). */
  dataDir: z.string().min(1),
  /**
   * A cache from before profiles, at dataDir's top: it becomes this profile's, moved into its
   * folder once (the migration of issue 14), so nothing synced is lost.
   */
  adoptLegacyCacheAs: ProfileId.nullable().default(null),
  /** better-sqlite3 built for this Electron's ABI (shell/native-binding-path.ts), when there is one. */
  nativeBinding: z.string().optional(),
  notify: NotifySettings,
  /** Set when this core replaces one that stopped on its own, so every window can say so. */
  coreRestart: CoreRestart.nullable(),
  /** The app's update as main last saw it (null: no updater); then `update` messages on every change. */
  update: UpdateStatus.nullable().default(null),
});

export const MainToCore = z.discriminatedUnion('t', [
  StartMessage,
  /** The profiles changed in Settings (added, removed, moved, renamed, a new token): the core follows. */
  z.object({ t: z.literal('profiles'), profiles: z.array(ProfileStart) }),
  z.object({ t: z.literal('reconnectNow') }),
  /** The app's update moved (checking, downloading, ready, failed): every window shows it. */
  z.object({ t: z.literal('update'), status: UpdateStatus }),
  z.object({ t: z.literal('reconnectAfterWake') }),
  /** A change made outside the windows (the tray menu's snooze). */
  z.object({ t: z.literal('notifySettings'), patch: NotifySettingsPatch }),
  /** An API call main makes on the person's behalf (a notification's Approve); answered by `reply`. */
  z.object({ t: z.literal('command'), id: RequestId, request: CommandRequest }),
  /** A notification's "Remind me in 1 h" (companion.remindLater); a refusal is logged by the core. */
  z.object({ t: z.literal('remindLater'), params: API_METHODS.remindLater.params }),
  /**
   * "Report a problem…": write a diagnostics bundle to `path` (the person chose it in a save dialog),
   * with what only main has (its settings without tokens, its recent log lines, the versions).
   * Answered by `reply`.
   */
  z.object({
    t: z.literal('diagnostics'),
    id: RequestId,
    path: z.string().min(1).max(4096),
    settings: z.unknown(),
    logs: z.array(z.string().max(10_000)).max(2_000),
    versions: z.record(z.string(), z.string()),
    /** Main's own counters (failures its safety net caught), added to the core's. */
    counters: z.record(z.string(), z.number()).default({}),
  }),
  /** The answer to one of the core's `request`s. */
  z.object({ t: z.literal('reply'), id: RequestId, ok: z.boolean(), result: z.unknown().optional(), error: z.string().optional() }),
  /** A window's MessagePort travels with this message, in `ports[0]`. */
  z.object({ t: z.literal('client') }),
  /** Close the database and exit. */
  z.object({ t: z.literal('stop') }),
]);

/** What the tray shows; sent when it changes. */
export const CoreSummary = z.object({
  active: z.number().int().nonnegative(),
  needsYou: z.number().int().nonnegative(),
  phase: ConnectionPhase,
  offlineSince: z.number().nullable(),
  demo: z.boolean(),
  /** With several profiles, each one not live, most urgent first ("Globex: offline"). */
  troubled: z.array(z.string()).default([]),
});

/** What the core asks of main: the desktop app's settings and the system browser live there. */
export const CoreRequestMethod = z.enum(['getAppSettings', 'updateAppSettings', 'addProfile', 'updateProfile', 'removeProfile', 'moveProfile', 'openExternal', 'saveNotify', 'appUpdate']);

const NotifyEventSchema = z.custom<NotifyEvent>(
  (v) => typeof v === 'object' && v !== null && typeof (v as NotifyEvent).event === 'string' && typeof (v as NotifyEvent).title === 'string',
  { message: 'not a notification event' },
);

export const CoreToMain = z.discriminatedUnion('t', [
  /** Started: the database is open and the core serves clients. */
  z.object({ t: z.literal('ready') }),
  z.object({ t: z.literal('summary'), summary: CoreSummary }),
  z.object({ t: z.literal('notify'), event: NotifyEventSchema }),
  z.object({ t: z.literal('request'), id: RequestId, method: CoreRequestMethod, params: z.unknown() }),
  /** The answer to main's `command`. */
  z.object({ t: z.literal('reply'), id: RequestId, ok: z.boolean(), result: z.unknown().optional(), error: z.string().optional() }),
  /** A log line (built from counts and codes; never a token, see core/log.ts). */
  z.object({ t: z.literal('log'), level: z.enum(['info', 'warn']), message: z.string() }),
  /** The core could not start (a damaged cache it cannot move aside, say): main shows it and does not restart. */
  z.object({ t: z.literal('failed'), message: z.string() }),
]);

export type StartMessage = z.infer<typeof StartMessage>;
export type ProfileStart = z.infer<typeof ProfileStart>;
export type MainToCore = z.infer<typeof MainToCore>;
export type CoreToMain = z.infer<typeof CoreToMain>;
export type CoreSummary = z.infer<typeof CoreSummary>;
export type CoreRequestMethod = z.infer<typeof CoreRequestMethod>;

/** One line saying what was wrong with a message, for the log (never the message itself: it may hold a token). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');
}
