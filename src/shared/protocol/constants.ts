/** Wire constants of the sessions stream, PROTOCOL.md sections 1 to 3. */

export const PROTOCOL_VERSION = 1;
export const SUBPROTOCOL = 'parrot.sessions.v1';

/** One JSON object per text frame, at most this many bytes of UTF-8. */
export const MAX_FRAME_BYTES = 1024 * 1024;
export const MAX_SNAPSHOT_PAGE = 500;
export const MAX_CHANGES_BATCH = 1000;
export const MAX_ID_LENGTH = 128;

/** More than this many invalid frames inside the window closes the socket with 1008. */
export const INVALID_FRAME_LIMIT = 100;
export const INVALID_FRAME_WINDOW_MS = 60_000;

/** How long a command's reqId is remembered as an idempotency key. */
export const REQ_ID_MEMORY_MS = 10 * 60_000;

export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  /** RFC 6455's "protocol error": what `ws` sends for a frame it cannot parse. */
  protocolError: 1002,
  /** RFC 6455's "invalid frame payload data": what `ws` sends for a text frame that is not UTF-8. */
  invalidPayload: 1007,
  policyViolation: 1008,
  /** RFC 6455's "message too big": what `ws` sends for a frame over maxPayload. */
  messageTooBig: 1009,
  serverError: 1011,
  tokenRevoked: 4001,
  protocolUnsupported: 4002,
  rateLimited: 4003,
  subscriptionInvalid: 4004,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const ERROR_CODES = ['not_found', 'conflict', 'forbidden', 'invalid', 'rate_limited', 'internal'] as const;
