// process.parentPort (docs/api/parent-port.md; lib/utility/parent-port.ts and init.ts): an
// EventEmitter whose 'message' gets { data, ports }. "Messages received on this port will be
// queued up until a handler is registered": init.ts starts the port when the first 'message'
// listener is added and pauses it when the last one goes.
import { EventEmitter } from 'node:events';
import { deserialize, serialize } from '../electron/message-port.mjs';
import { onParentMessage, send, transport } from './channel.mjs';

class ParentPort extends EventEmitter {
  #queue = [];
  #started = false;
  #draining = false;
  constructor() {
    super();
    this.on('newListener', (name) => { if (name === 'message' && this.listenerCount('message') === 0) this.start(); });
    this.on('removeListener', (name) => { if (name === 'message' && this.listenerCount('message') === 0) this.pause(); });
    onParentMessage((data, descs) => {
      this.#queue.push({ data, ports: descs.map((d) => transport.adopt(d)) });
      this.#drain();
    });
  }
  start() { this.#started = true; this.#drain(); }
  pause() { this.#started = false; }
  /** Structured-cloned now; a function throws "An object could not be cloned." (v8_util.cc). */
  postMessage(message) { send({ su: 'parent', data: serialize(message) }); }
  // Each message is its own task, as mojo dispatches them.
  #drain() {
    if (this.#draining || !this.#started) return;
    this.#draining = true;
    setImmediate(() => {
      this.#draining = false;
      if (!this.#started) return;
      const next = this.#queue.shift();
      if (!next) return;
      this.emit('message', { data: deserialize(next.data), ports: next.ports });
      this.#drain();
    });
  }
}

export const parentPort = new ParentPort();
