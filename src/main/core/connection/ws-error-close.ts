import { CloseCode } from '../../../shared/protocol';

/**
 * The close code `ws` sent when it dropped the socket over a frame it would not read (its
 * receiver's error codes), or null for any other error. The 'close' event reports 1006 then,
 * which would hide what the server did wrong.
 */
export function closeCodeOfWsError(code: string | undefined): number | null {
  if (code === undefined || !code.startsWith('WS_ERR_')) return null;
  if (code === 'WS_ERR_INVALID_UTF8') return CloseCode.invalidPayload;
  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' || code === 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH') return CloseCode.messageTooBig;
  return CloseCode.protocolError;
}
