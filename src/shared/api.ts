import type { CommandAction, Session } from './protocol';

/**
 * The one API between the renderer and the main side. The Electron preload implements it over
 * IPC and the web preview over a loopback WebSocket; the renderer cannot tell which.
 * This first cut names the surface; the Command Center issue fills it in.
 */
export interface ParrotApi {
  /** Calls `listener` with the current view, then with every change; returns an unsubscribe. */
  subscribe(listener: (update: ViewUpdate) => void): () => void;
  command(request: { action: CommandAction; sessionId: string; checkpointId?: string; comment?: string }): Promise<CommandReply>;
  openExternal(url: string): Promise<void>;
}

export type ViewUpdate =
  | { kind: 'snapshot'; version: number; sessions: Session[] }
  | { kind: 'delta'; version: number; upserts: Session[]; removals: string[] };

export type CommandReply = { ok: true } | { ok: false; code: string; message: string };
