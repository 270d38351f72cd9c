import type { ConnectionState } from '../../../shared/connection-state';
import type { StreamFrame } from '../../../shared/protocol';
import type { Logger } from '../log';

export interface ConnectionOptions {
  /** Already checked with checkBackendUrl. */
  url: string;
  token: string | null;
  clock?: () => number;
  random?: () => number;
  logger?: Logger;
  /** Liveness before `hello` says otherwise. */
  defaultHeartbeatMs?: number;
}

export interface ConnectionEvents {
  /** `text` is the frame as received, for a reader that keeps it rather than the parsed objects. */
  frame: [frame: StreamFrame, text: string];
  /** The socket is open and `hello` arrived: the caller subscribes now. */
  live: [];
  /** The socket ended; `dropCursor` after a 4004. */
  down: [info: { dropCursor: boolean }];
  state: [state: ConnectionState];
}
