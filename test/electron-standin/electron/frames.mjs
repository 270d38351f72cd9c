// The wire between the stand-in main and a utility child: a socket that is the child's fd 3, not
// Node's fork IPC channel. Electron's utility process is no Node fork (it has no process.send,
// process.channel or process 'message'), and Node's IPC code in the child needs
// process.disconnect, which the child must not show, to notice that main has gone. Each message
// is a 4-byte length and its v8.serialize bytes (Buffers arrive as Buffers, as with Node's
// advanced serialization).
import v8 from 'node:v8';

export const CHANNEL_FD = 3;

export function frame(msg) {
  const body = v8.serialize(msg);
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

/** A 'data' listener that calls onMessage once per whole message, in order, across chunk boundaries. */
export function unframer(onMessage) {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const end = 4 + pending.readUInt32BE(0);
      if (pending.length < end) return;
      const body = pending.subarray(4, end);
      pending = pending.subarray(end);
      onMessage(v8.deserialize(body));
    }
  };
}
