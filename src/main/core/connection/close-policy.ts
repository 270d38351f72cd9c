import { CloseCode } from '../../../shared/protocol';

/** What the companion does after a connection ends (PROTOCOL.md section 2). */
export type AfterClose =
  | { kind: 'reconnect'; delayMs: number; dropCursor?: boolean }
  | { kind: 'stop'; phase: 'signin-needed' | 'update-needed'; reason: string };

export interface CloseContext {
  /** The backoff delay for this attempt, already drawn. */
  backoffMs: number;
  /** From the `error` frame that preceded a 4003. */
  retryAfterMs: number | null;
  random: () => number;
}

/** How a socket ended: a close frame with a code, or an upgrade refused with an HTTP status. */
export type Ending = { kind: 'close'; code: number } | { kind: 'http'; status: number } | { kind: 'no-subprotocol' } | { kind: 'network' };

export function afterClose(ending: Ending, ctx: CloseContext): AfterClose {
  if (ending.kind === 'http') {
    if (ending.status === 401 || ending.status === 403) return { kind: 'stop', phase: 'signin-needed', reason: 'the server refused the token' };
    return { kind: 'reconnect', delayMs: ctx.backoffMs };
  }
  if (ending.kind === 'no-subprotocol') {
    return { kind: 'stop', phase: 'update-needed', reason: 'the server speaks another protocol version' };
  }
  if (ending.kind === 'network') return { kind: 'reconnect', delayMs: ctx.backoffMs };
  switch (ending.code) {
    case CloseCode.goingAway:
      // A deploy drops every client at once: spread the first retry over 2 s, then back off.
      return { kind: 'reconnect', delayMs: Math.floor(ctx.random() * 2000) };
    case CloseCode.tokenRevoked:
      return { kind: 'stop', phase: 'signin-needed', reason: 'the token expired or was revoked' };
    case CloseCode.protocolUnsupported:
      return { kind: 'stop', phase: 'update-needed', reason: 'the server no longer supports this protocol version' };
    case CloseCode.rateLimited:
      return { kind: 'reconnect', delayMs: (ctx.retryAfterMs ?? ctx.backoffMs) + Math.floor(ctx.random() * 1000) };
    case CloseCode.subscriptionInvalid:
      return { kind: 'reconnect', delayMs: ctx.backoffMs, dropCursor: true };
    default:
      // 1000, 1008, 1011, 1006 (no close frame) and anything unknown.
      return { kind: 'reconnect', delayMs: ctx.backoffMs };
  }
}

/** The ending in words, for the log and the connection state. */
export function describeEnding(ending: Ending): string {
  switch (ending.kind) {
    case 'close':
      return `connection closed (code ${ending.code})`;
    case 'http':
      return `the server answered HTTP ${ending.status}`;
    case 'no-subprotocol':
      return 'the server speaks another protocol version';
    case 'network':
      return 'cannot reach the server';
  }
}
