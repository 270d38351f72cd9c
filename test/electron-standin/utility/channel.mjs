// The utility child's end of the fork IPC channel to the stand-in main. Electron's utility
// process has no `process.send` (it is not a Node fork), so the channel is taken away from the
// app: `process.send`/`disconnect` are removed and the stand-in's messages never reach
// `process.on('message')`. Ports living here post and close through `transport`.
import { adoptPort } from '../electron/message-port.mjs';

const rawSend = process.send.bind(process);
delete process.send;
delete process.disconnect;
/** Fire and forget: once the main process is gone there is nobody to tell. */
export const send = (msg) => { if (process.connected) rawSend(msg, undefined, {}, () => {}); };

const ports = new Map();
export const transport = {
  post: (from, data, descs) => send({ su: 'port', from, data, ports: descs }),
  close: (id) => send({ su: 'port-close', id }),
  bounce: (id, data, descs) => send({ su: 'bounce', id, data, ports: descs }),
  adopt(desc) {
    const port = adoptPort(desc, transport);
    ports.set(desc.id, port);
    return port;
  },
};

let onParent = () => {};
export function onParentMessage(fn) { onParent = fn; }

function handle(msg) {
  if (msg.su === 'parent') return onParent(msg.data, msg.ports);
  const port = ports.get(msg.id);
  // Not here (transferred on, or not adopted yet): the hub sends it where the port is now.
  if (!port || port._neutered) return transport.bounce(msg.id, msg.su === 'port' ? msg.data : null, msg.su === 'port' ? msg.ports : null);
  if (msg.su === 'port') port._receive(msg.data, msg.ports);
  else if (msg.su === 'port-close') port._peerClosed();
}

const emit = process.emit;
process.emit = function (name, msg, ...rest) {
  if (name === 'message' && msg && typeof msg.su === 'string') {
    handle(msg);
    return true;
  }
  return emit.call(this, name, msg, ...rest);
};
// Node emits a child's IPC messages only while it has a 'message' listener; this one never sees ours.
process.on('message', () => {});
// The main process went away: Chromium's service processes do not outlive the browser.
process.on('disconnect', () => process.exit(0));
