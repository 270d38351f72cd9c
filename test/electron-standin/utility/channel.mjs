// The utility child's end of its channel to the stand-in main: the socket on fd 3
// (../electron/frames.mjs). Node gave this process no IPC channel, so there is no `process.send`,
// `process.channel` or process 'message', as in Electron's utility process. Ports living here post
// and close through `transport`.
import { Socket } from 'node:net';
import { CHANNEL_FD, frame, unframer } from '../electron/frames.mjs';
import { adoptPort } from '../electron/message-port.mjs';

// Chromium's TerminateSelfOnDisconnect (content/child/child_thread_impl.cc): once the channel to
// the browser is gone, a child process ends at once with code 0 (TerminateCurrentProcessImmediately,
// no 'exit' listeners), however main ended (quit, crash, SIGKILL) and however early: a socket that
// reached its end before this module ran still reports it when read. Taken now, before the app
// can replace process.exit or keep the process up with an 'uncaughtException' listener.
const reallyExit = process.reallyExit.bind(process);
const mainGone = () => reallyExit(0);

const socket = new Socket({ fd: CHANNEL_FD, readable: true, writable: true });
socket.on('data', unframer((msg) => handle(msg)));
socket.on('end', mainGone);
socket.on('close', mainGone);
socket.on('error', mainGone);

/** Fire and forget: once the main process is gone there is nobody to tell. */
export const send = (msg) => { if (socket.writable) socket.write(frame(msg)); };

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
