import { z } from 'zod';
import { ConnectionState } from '../connection-state';
import { NotifySettings } from '../notify-settings';
import { CommandRequest as ProtocolCommandRequest, Id, Ref, Session, TranscriptEntry } from '../protocol';

/**
 * The one API between the renderer and the main side, as schemas. The Electron preload carries it
 * over IPC and the web preview over a loopback WebSocket; both validate every message with these,
 * and every type below is inferred from them.
 */

/**
 * The sessions of a view message, read one by one: a session that fails its schema is dropped
 * alone, never the message (PROTOCOL.md section 1's rule, kept across the bridge and IPC too).
 */
const SessionList = z.array(z.unknown()).transform((items) =>
  items.flatMap((raw) => {
    const read = Session.safeParse(raw);
    return read.success ? [read.data] : [];
  }),
);

/**
 * Sessions the stream sent that could not be read (PROTOCOL.md section 1): the view says "N
 * sessions could not be read", with the readable ids behind a disclosure.
 */
export const UnreadableSessions = z.object({
  count: z.number().int().nonnegative(),
  /** Readable ids only, sorted: an item without one is counted but has nothing to show. */
  ids: z.array(Id),
});

/** The whole view: sent first, and again whenever the receiver has missed a version. */
export const ViewSnapshot = z.object({
  kind: z.literal('snapshot'),
  version: z.number().int().nonnegative(),
  sessions: SessionList,
  connection: ConnectionState,
  user: Ref.nullable(),
  /** Server time minus local time, so the 30-minute and 24-hour rules use the server's clock. */
  skewMs: z.number(),
  /** True when the app runs against its own demo backend: the UI says "Demo data". */
  demo: z.boolean(),
  /** Optional so an older main side still fits; the core always sends it. */
  unreadable: UnreadableSessions.optional(),
});

/** What changed since `version - 1`: sessions by id, never whole lists. */
export const ViewDelta = z.object({
  kind: z.literal('delta'),
  version: z.number().int().positive(),
  upserts: SessionList,
  removals: z.array(Id),
  connection: ConnectionState.optional(),
  user: Ref.nullable().optional(),
  skewMs: z.number().optional(),
  /** Present when what could not be read changed. */
  unreadable: UnreadableSessions.optional(),
});

export const ViewUpdate = z.discriminatedUnion('kind', [ViewSnapshot, ViewDelta]);

/** A command as the renderer asks for it: the protocol's own fields and rule, without reqId. */
export const CommandRequest = ProtocolCommandRequest;

export const CommandReply = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), code: z.string(), message: z.string() })]);

export const TranscriptRequest = z.object({
  sessionId: Id,
  afterSeq: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(5000).default(1000),
});

/** Only https links leave the app (Electron security checklist 15). */
export const ExternalUrl = z.string().url().refine((u) => u.startsWith('https://'), { message: 'only https links can be opened' });

/** The desktop app's own settings, as the settings view shows them; the token itself never crosses. */
export const AppSettings = z.object({
  /** Null: no backend configured, the demo backend runs. */
  backendUrl: z.string().nullable(),
  hasToken: z.boolean(),
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
});

export const AppSettingsPatch = z.object({
  backendUrl: z.string().max(2048).nullable().optional(),
  token: z.string().min(1).max(8192).nullable().optional(),
  acceptPlainStorage: z.boolean().optional(),
  openAtLogin: z.boolean().optional(),
  shortcut: z.string().min(1).max(100).optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
});

/** Where the renderer should go: a notification click, a deep link, a tray menu item. */
export const Route = z.discriminatedUnion('name', [
  z.object({ name: z.literal('popover') }),
  z.object({ name: z.literal('sessions') }),
  z.object({ name: z.literal('settings') }),
  z.object({ name: z.literal('detail'), id: Id }),
]);

/** Every request the renderer can make: its parameters and its result. */
export const API_METHODS = {
  command: { params: CommandRequest, result: CommandReply },
  transcript: { params: TranscriptRequest, result: z.array(TranscriptEntry) },
  openSession: { params: z.object({ sessionId: Id }), result: z.null() },
  closeSession: { params: z.object({ sessionId: Id }), result: z.null() },
  openExternal: { params: z.object({ url: ExternalUrl }), result: z.null() },
  /** Notification settings; the shell persists them, the web preview keeps them for its run. */
  getSettings: { params: z.object({}), result: NotifySettings },
  updateSettings: { params: NotifySettings.partial(), result: NotifySettings },
  /** The desktop app's settings; null in the web preview, which has none of its own. */
  getAppSettings: { params: z.object({}), result: AppSettings.nullable() },
  /** Applies what validates; a refused field comes back as an error in words, nothing changed. */
  updateAppSettings: { params: AppSettingsPatch, result: AppSettings },
} as const;
export type ApiMethod = keyof typeof API_METHODS;
export type ApiParams<M extends ApiMethod> = z.input<(typeof API_METHODS)[M]['params']>;
export type ApiResult<M extends ApiMethod> = z.output<(typeof API_METHODS)[M]['result']>;

/** Pushed from main: the view, and new transcript entries of an opened session. */
export const TranscriptPush = z.object({ sessionId: Id, entries: z.array(TranscriptEntry) });

export type UnreadableSessions = z.infer<typeof UnreadableSessions>;
export type ViewSnapshot = z.infer<typeof ViewSnapshot>;
export type ViewDelta = z.infer<typeof ViewDelta>;
export type ViewUpdate = z.infer<typeof ViewUpdate>;
export type CommandRequest = z.infer<typeof CommandRequest>;
export type CommandReply = z.infer<typeof CommandReply>;
export type TranscriptPush = z.infer<typeof TranscriptPush>;
export type AppSettings = z.infer<typeof AppSettings>;
export type AppSettingsPatch = z.infer<typeof AppSettingsPatch>;
export type Route = z.infer<typeof Route>;
