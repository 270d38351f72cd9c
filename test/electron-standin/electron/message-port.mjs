// MessagePortMain (docs/api/message-port-main.md, lib/browser/message-port-main.ts,
// shell/browser/api/message_port.cc), shared by the main process and utility children. A port
// only knows its id and its process's `transport`, which carries posts and closes to the peer
// through the stand-in main (port-hub.mjs); the peer may live in main, a utility child or a page.
// Messages are v8-serialized at post time (a snapshot, as Electron's SerializeV8Value takes).
import { EventEmitter } from 'node:events';
import v8 from 'node:v8';

/** electron::SerializeV8Value: any failure surfaces as this one Error (shell/common/v8_util.cc). */
export function serialize(value) {
  try {
    return v8.serialize(value);
  } catch {
    throw new Error('An object could not be cloned.');
  }
}
export const deserialize = (bytes) => v8.deserialize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** message_port.cc PostMessage / DisentanglePorts: the checks and messages, in that order. */
export function checkTransfer(transfer, source) {
  if (transfer === undefined) return [];
  if (!Array.isArray(transfer)) throw new TypeError('transferables must be an array of MessagePorts');
  transfer.forEach((p, i) => { if (!(p instanceof MessagePortMain)) throw new TypeError(`Port at index ${i} is not a valid port`); });
  transfer.forEach((p, i) => { if (p === source) throw new Error(`Port at index ${i} contains the source port.`); });
  const seen = new Set();
  transfer.forEach((p, i) => {
    if (p._neutered) throw new Error(`Port at index ${i} is already neutered.`);
    if (seen.has(p)) throw new Error(`Port at index ${i} is a duplicate.`);
    seen.add(p);
  });
  return transfer;
}

export class MessagePortMain extends EventEmitter {
  constructor(id, transport) {
    super();
    Object.defineProperties(this, {
      _id: { value: id },
      _transport: { value: transport },
      _queue: { value: [] },
      _state: { value: { started: false, closed: false, neutered: false, peerGone: false, draining: false, recv: 0 } },
    });
  }
  get _neutered() { return this._state.neutered; }
  get _entangled() { return !this._state.closed && !this._state.neutered; }

  postMessage(message, transfer) {
    if (!this._entangled) return; // IsEntangled() false: silently nothing
    const data = serialize(message);
    const ports = checkTransfer(transfer, this).map((p) => p._detach());
    this._transport.post(this._id, data, ports);
  }

  /** "Messages will be queued until this method is called." */
  start() {
    if (!this._entangled || this._state.started) return;
    this._state.started = true;
    this._drain();
  }

  /** Disconnects; Close() emits 'close' on this port too, and the peer gets 'close'. */
  close() {
    if (this._state.closed) return;
    if (!this._state.neutered) this._transport.close(this._id);
    this._state.closed = true;
    this._queue.length = 0;
    this.emit('close');
  }

  /** A message for this port arrived: its ports become MessagePortMain objects here at once. */
  _receive(data, descs) {
    this._state.recv++;
    if (this._state.neutered) return void this._transport.bounce(this._id, data, descs);
    const ports = descs.map((d) => this._transport.adopt(d));
    if (this._state.closed) return void ports.forEach((p) => p.close());
    this._queue.push({ data, ports });
    this._drain();
  }

  /** The remote end went away: mojo reports it after the messages already queued (connection error). */
  _peerClosed() {
    if (this._state.neutered) return void this._transport.bounce(this._id, null, null);
    this._state.peerGone = true;
    this._drain();
  }

  /** Mojo dispatches each message as its own task once started. */
  _drain() {
    if (this._state.draining || !this._state.started) return;
    this._state.draining = true;
    setImmediate(() => {
      this._state.draining = false;
      if (!this._entangled) return;
      const next = this._queue.shift();
      if (next) {
        this.emit('message', { data: deserialize(next.data), ports: next.ports });
        return this._drain();
      }
      if (this._state.peerGone) this.close();
    });
  }

  /** Transfers this port away: it is neutered here, its queue (and the ports in it) go along. */
  _detach() {
    this._state.neutered = true;
    const backlog = this._queue.splice(0).map(({ data, ports }) => ({ data, ports: ports.map((p) => p._detach()) }));
    return { id: this._id, backlog, recv: this._state.recv, peerGone: this._state.peerGone };
  }
}

/** Builds a port from a transferred description, replaying what was queued where it came from. */
export function adoptPort(desc, transport) {
  const port = new MessagePortMain(desc.id, transport);
  for (const entry of desc.backlog) port._queue.push({ data: entry.data, ports: entry.ports.map((d) => transport.adopt(d)) });
  if (desc.peerGone) port._state.peerGone = true;
  return port;
}
