// MessageChannelMain (docs/api/message-channel-main.md, lib/browser/api/message-channel.ts): a
// pair of entangled MessagePortMain objects, both starting in the main process.
import { createPair } from './port-hub.mjs';

export class MessageChannelMain {
  constructor() {
    const { port1, port2 } = createPair();
    this.port1 = port1;
    this.port2 = port2;
  }
}
