import type { Database, Statement } from 'better-sqlite3';

export type NotifiedState = 'shown' | 'suppressed';

export interface Remembered {
  checkpointId: string;
  sessionId: string;
  as: NotifiedState;
}

/**
 * Which checkpoints already raised (or deliberately did not raise) a notification, kept on disk
 * so a restart never alerts twice. Rows go with their session (a trigger on delete) and, for
 * sessions the cache never held, with retention.
 */
export class NotifyMemory {
  private readonly select: Statement<[string], { state: NotifiedState }>;
  private readonly upsert: Statement<[string, string, NotifiedState, number]>;
  private readonly remove: Statement<[string]>;
  private readonly rememberTx: (items: Remembered[], at: number) => void;
  private readonly forgetTx: (ids: string[]) => void;

  constructor(db: Database) {
    this.select = db.prepare('SELECT state FROM notified WHERE checkpoint_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO notified (checkpoint_id, session_id, state, remembered_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (checkpoint_id) DO UPDATE SET session_id = excluded.session_id, state = excluded.state,
         remembered_at = excluded.remembered_at`,
    );
    this.remove = db.prepare('DELETE FROM notified WHERE checkpoint_id = ?');
    const remember = db.transaction((items: Remembered[], at: number) => {
      for (const item of items) this.upsert.run(item.checkpointId, item.sessionId, item.as, at);
    });
    const forget = db.transaction((ids: string[]) => {
      for (const id of ids) this.remove.run(id);
    });
    this.rememberTx = (items, at) => remember.immediate(items, at);
    this.forgetTx = (ids) => forget.immediate(ids);
  }

  recall(checkpointId: string): NotifiedState | null {
    return this.select.get(checkpointId)?.state ?? null;
  }

  remember(items: Remembered[], at: number): void {
    if (items.length > 0) this.rememberTx(items, at);
  }

  forget(checkpointIds: string[]): void {
    if (checkpointIds.length > 0) this.forgetTx(checkpointIds);
  }
}
