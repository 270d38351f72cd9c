import type { Session } from '../../../shared/protocol';
import type { SessionChange } from '../../../shared/sessions';
import { fromJson } from './session-row';

const BEFORE_JSON = Symbol('beforeJson');

interface Lazy extends SessionChange {
  [BEFORE_JSON]: string | null;
}

/**
 * A change whose `before` is parsed from the row's old JSON only when someone reads it. Most
 * readers never do: the list and the transcripts look at `after`, and the notification policy
 * needs `before` only where a checkpoint was (see beforeHadCheckpoint). Parsing every old row was
 * 0.28 s of a 100k-change ingest. `before` is an own, enumerable property, like a plain object's.
 */
export function lazyChange(beforeJson: string | null, after: Session | null): SessionChange {
  let parsed: Session | null | undefined;
  const change = {
    get before(): Session | null {
      if (parsed === undefined) parsed = beforeJson === null ? null : fromJson(beforeJson);
      return parsed;
    },
    after,
  };
  Object.defineProperty(change, BEFORE_JSON, { value: beforeJson, enumerable: false });
  return change;
}

/**
 * Whether the session was at a checkpoint before the change, without parsing `before` when the
 * change came from lazyChange. The row's JSON is our own JSON.stringify of a decoded session,
 * whose only key named "checkpoint" is the top-level one (the schema strips unknown keys, and a
 * quote inside a string is escaped), so `"checkpoint":{` appears in it exactly when it holds one.
 */
export function beforeHadCheckpoint(change: SessionChange): boolean {
  if (Object.hasOwn(change, BEFORE_JSON)) {
    const json = (change as Lazy)[BEFORE_JSON];
    return json !== null && json.includes('"checkpoint":{');
  }
  return change.before?.checkpoint != null;
}
