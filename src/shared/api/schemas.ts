import { z } from 'zod';
import { ConnectionState } from '../connection-state';
import { NotifySettings, NotifySettingsPatch } from '../notify-settings';
import { isExternalUrl } from './bridge-address';
import { CommandFields, NEEDS_CHECKPOINT, needsCheckpoint, Ref, TranscriptEntry } from '../protocol';
import { MAX_ID_LENGTH } from '../protocol/constants';
import { ProfileColor, ProfileId, ProfileName, ProfileNotify } from '../profiles/profile-fields';
import { MAX_SCOPE_LENGTH } from './scoped-id';
import { UpdateStatus } from '../update/update-status';

/**
 * The one API between the renderer and the core, as schemas. In the app it runs over a MessagePort
 * straight to the core's process, in the web preview over a loopback WebSocket; the core
 * validates every message with these, and every type below is inferred from them.
 */

/**
 * A session as the renderer names it: `<profile>/<id>` (scoped-id.ts), so two tenants' sessions
 * with the same id stay apart in every view, call, route and link. The core also takes a bare id
 * (an old deep link) and looks it up in each profile.
 */
export const SessionRef = z.string().min(1).max(MAX_ID_LENGTH + MAX_SCOPE_LENGTH);

/**
 * Sessions the stream sent that could not be read (PROTOCOL.md section 1): the view says "N
 * sessions could not be read", with the readable ids behind a disclosure.
 */
export const UnreadableSessions = z.object({
  count: z.number().int().nonnegative(),
  /** Readable ids only (scoped), sorted: an item without one is counted but has nothing to show. */
  ids: z.array(SessionRef),
});

/** The core restarted after it stopped on its own: the app says so rather than hide it. */
export const CoreRestart = z.object({
  /** Restarts since the app started. */
  count: z.number().int().positive(),
  /** When the last one happened (ms since the epoch). */
  at: z.number(),
  /** How the core stopped, in words ("exited with code 1", "killed by signal 9"). */
  reason: z.string(),
});

/** One profile as every window shows it: its label, its connection and who is signed in there. */
export const ProfileStatus = z.object({
  id: ProfileId,
  /** The person's name for it, else the tenant's name from `hello`, else the backend's host. */
  name: z.string(),
  color: ProfileColor,
  connection: ConnectionState,
  user: Ref.nullable(),
  /** Server time minus local time for this profile's backend. */
  skewMs: z.number(),
  demo: z.boolean(),
});

/**
 * Everything a window shows besides sessions: sent when a client connects, then whenever a part
 * changes. Sessions come through live queries (queries.ts).
 */
export const AppStatus = z.object({
  /** Every profile, in the person's order. Rows name theirs by their scoped id. */
  profiles: z.array(ProfileStatus),
  /** The most urgent connection across profiles (shared/profiles/most-urgent.ts). */
  connection: ConnectionState,
  /** The first profile's user: the one person on a single-profile app. Rows use their own profile's. */
  user: Ref.nullable(),
  /** The first profile's server time minus local time, so the 30-minute and 24-hour rules use the server's clock. */
  skewMs: z.number(),
  /** True when the app runs against its own demo backend only: the UI says "Demo data". */
  demo: z.boolean(),
  unreadable: UnreadableSessions,
  /** Null until the core has had to be restarted. */
  coreRestart: CoreRestart.nullable(),
  /** The desktop app's self-update; null where there is no updater (the web preview, a build run from source). */
  update: UpdateStatus.nullable(),
});

/** A command as the renderer asks for it: the protocol's own fields and rule, without reqId, for a scoped session. */
export const CommandRequest = CommandFields.extend({ sessionId: SessionRef }).refine(needsCheckpoint, NEEDS_CHECKPOINT);

export const CommandReply = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), code: z.string(), message: z.string() })]);

export const TranscriptRequest = z.object({
  sessionId: SessionRef,
  afterSeq: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(5000).default(1000),
});

/** Only https links leave the app (Electron security checklist 15). */
export const ExternalUrl = z.string().refine(isExternalUrl, { message: 'only https links can be opened' });

/** A profile as Settings shows it; its token never crosses, only whether there is one. */
export const ProfileSettings = z.object({
  id: ProfileId,
  /** What the person named it; null: the tenant's name from `hello` is shown. */
  name: z.string().nullable(),
  backendUrl: z.string(),
  hasToken: z.boolean(),
  color: ProfileColor.nullable(),
  notify: ProfileNotify,
});

/** The desktop app's own settings, as the settings view shows them; a token itself never crosses. */
export const AppSettings = z.object({
  /** In the person's order. Empty: none configured, the demo backend runs as the one profile. */
  profiles: z.array(ProfileSettings),
  /** Where the token is kept, and what the person should know about it (no real keyring, say). */
  tokenStorage: z.enum(['encrypted', 'session-only', 'plain']),
  tokenWarning: z.string().nullable(),
  /** True when plain storage may be accepted (Linux without a keyring). */
  canAcceptPlain: z.boolean(),
  openAtLogin: z.boolean(),
  shortcut: z.string(),
  /** Why the shortcut could not be registered, if it could not. */
  shortcutError: z.string().nullable(),
  theme: z.enum(['system', 'light', 'dark']),
  /** Checks at start and every 6 hours, downloads in the background; "Restart to update" installs. */
  autoUpdate: z.boolean(),
});

export const AppSettingsPatch = z.object({
  acceptPlainStorage: z.boolean().optional(),
  openAtLogin: z.boolean().optional(),
  shortcut: z.string().min(1).max(100).optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  autoUpdate: z.boolean().optional(),
});

const Token = z.string().min(1).max(8192);

/** Settings' "Add a profile": the name may be left for the tenant's own. */
export const NewProfileRequest = z.object({
  name: ProfileName.nullable().optional(),
  backendUrl: z.string().min(1).max(2048),
  token: Token,
  color: ProfileColor.nullable().optional(),
});

/** One profile changed in Settings: only the fields given; a token replaces the saved one. */
export const ProfilePatch = z.object({
  id: ProfileId,
  name: ProfileName.nullable().optional(),
  backendUrl: z.string().min(1).max(2048).optional(),
  token: Token.optional(),
  color: ProfileColor.nullable().optional(),
  notify: ProfileNotify.optional(),
});

/** Where the renderer should go: a notification click, a deep link, a tray menu item. */
export const Route = z.discriminatedUnion('name', [
  z.object({ name: z.literal('popover') }),
  z.object({ name: z.literal('sessions') }),
  z.object({ name: z.literal('settings') }),
  z.object({ name: z.literal('detail'), id: SessionRef }),
]);

/** Every request the renderer can make: its parameters and its result. */
export const API_METHODS = {
  command: { params: CommandRequest, result: CommandReply },
  transcript: { params: TranscriptRequest, result: z.array(TranscriptEntry) },
  openSession: { params: z.object({ sessionId: SessionRef }), result: z.null() },
  closeSession: { params: z.object({ sessionId: SessionRef }), result: z.null() },
  openExternal: { params: z.object({ url: ExternalUrl }), result: z.null() },
  /** Notification settings; the shell persists them, the web preview keeps them for its run. */
  getSettings: { params: z.object({}), result: NotifySettings },
  updateSettings: { params: NotifySettingsPatch, result: NotifySettings },
  /** The desktop app's settings; null in the web preview, which has none of its own. */
  getAppSettings: { params: z.object({}), result: AppSettings.nullable() },
  /** Applies what validates; a refused field comes back as an error in words, nothing changed. */
  updateAppSettings: { params: AppSettingsPatch, result: AppSettings },
  /** Profiles (desktop app only): each applies at once; the connections follow without a restart. */
  addProfile: { params: NewProfileRequest, result: AppSettings },
  updateProfile: { params: ProfilePatch, result: AppSettings },
  /** Removes the profile, its token and its cache (the view asks first). */
  removeProfile: { params: z.object({ id: ProfileId }), result: AppSettings },
  /** Moves a profile to `index` in the order every list and the tray use. */
  moveProfile: { params: z.object({ id: ProfileId, index: z.number().int().nonnegative().max(100) }), result: AppSettings },
  /**
   * The popover was opened (shown): "Needs you" lists the person's failures since the open before
   * this one, so a failure stays listed while the popover that first showed it is open.
   */
  popoverOpened: { params: z.object({}), result: z.null() },
  /**
   * "Mute this flow" and Settings' Unmute: one flow in or out of settings.mutedFlows, done in the
   * core, so two windows muting at once cannot write over each other's list.
   */
  muteFlow: { params: z.object({ flow: z.object({ id: SessionRef, name: z.string().max(500) }), muted: z.boolean() }), result: NotifySettings },
  /** "Remind me in 1 h": this session's checkpoint notifies again after `minutes`, once. */
  remindLater: { params: z.object({ sessionId: SessionRef, minutes: z.number().int().min(1).max(7 * 24 * 60) }), result: z.null() },
  /** "Restart to update" (the app quits, installs and starts again) or "Check for updates" now. */
  appUpdate: { params: z.object({ action: z.enum(['install', 'check']) }), result: z.null() },
} as const;
export type ApiMethod = keyof typeof API_METHODS;
export type ApiParams<M extends ApiMethod> = z.input<(typeof API_METHODS)[M]['params']>;
export type ApiResult<M extends ApiMethod> = z.output<(typeof API_METHODS)[M]['result']>;

/** Pushed by the core: new transcript entries of a session opened with `openSession`. */
export const TranscriptPush = z.object({ sessionId: SessionRef, entries: z.array(TranscriptEntry) });

export type UnreadableSessions = z.infer<typeof UnreadableSessions>;
export type CoreRestart = z.infer<typeof CoreRestart>;
export type AppStatus = z.infer<typeof AppStatus>;
export type ProfileStatus = z.infer<typeof ProfileStatus>;
export type ProfileSettings = z.infer<typeof ProfileSettings>;
export type NewProfileRequest = z.infer<typeof NewProfileRequest>;
export type ProfilePatch = z.infer<typeof ProfilePatch>;
export type CommandRequest = z.infer<typeof CommandRequest>;
export type CommandReply = z.infer<typeof CommandReply>;
export type TranscriptPush = z.infer<typeof TranscriptPush>;
export type AppSettings = z.infer<typeof AppSettings>;
export type AppSettingsPatch = z.infer<typeof AppSettingsPatch>;
export type Route = z.infer<typeof Route>;
