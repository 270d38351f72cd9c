import type { SkippedItem } from '../../../shared/protocol';
import type { Logger } from '../log';

/** Past this many remembered items the memory starts over: a server that never stops is still told about. */
const REMEMBERED = 10_000;

/**
 * Says once that an item could not be read (PROTOCOL.md section 1): its id when readable and the
 * reason (schema paths and issue codes), never its content. A server replays the same bad item on
 * every reconnect and every snapshot; the log says it once per run of the process.
 */
export class SkipLog {
  private readonly said = new Set<string>();

  constructor(private readonly logger: Logger) {}

  /** `where` places an item without a readable id: "seq 48213", "a snapshot". */
  session(item: SkippedItem, where: string): void {
    const line = item.id !== null ? `could not read session ${item.id}: ${item.reason}` : `could not read a session without a readable id (${where}): ${item.reason}`;
    this.once(item.id !== null ? line : `${where}|${item.reason}`, line);
  }

  entry(sessionId: string, seq: number | null, reason: string): void {
    const line = `could not read transcript entry ${seq ?? 'without a readable seq'} of session ${sessionId}: ${reason}`;
    this.once(line, line);
  }

  private once(key: string, line: string): void {
    if (this.said.has(key)) return;
    if (this.said.size >= REMEMBERED) this.said.clear();
    this.said.add(key);
    this.logger.warn(line);
  }
}
