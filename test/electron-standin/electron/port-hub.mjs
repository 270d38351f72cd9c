// The relay behind every MessagePort the stand-in models. In Electron each entangled pair is a
// mojo pipe between two processes; here the peer of a port may sit in main, in a utility child
// (reached over its socket, frames.mjs) or in a page (reached over CDP), so every post and close
// goes through this registry in the stand-in main, which knows each port's peer and location.
// Order per port is kept: every hop is FIFO, and a port that a utility child transfers onwards is
// held here until the child has bounced back what was already on its way to it.
import { MessagePortMain, adoptPort } from './message-port.mjs';

export const MAIN = { kind: 'main', name: 'main' };
const peers = new Map(); // id -> peer id (both ways, removed on close)
const where = new Map(); // id -> MAIN | a utility location | a page location
const sent = new Map(); // id -> deliveries to its current utility location
const held = new Map(); // id -> { left, queue } while bounces from its old location are due
const local = new Map(); // id -> MessagePortMain in this process
let nextId = 1;
const counts = { posted: 0, closed: 0 };

/** The transport of ports living in main: straight into the hub. */
export const mainTransport = {
  post: (from, data, descs) => route(from, data, descs),
  close: (id) => closeFrom(id),
  bounce: () => {}, // a main port's location changes synchronously: nothing is ever in flight to it
  adopt(desc) {
    const port = adoptPort(desc, mainTransport);
    local.set(desc.id, port);
    return port;
  },
};

/** new MessageChannelMain(): both ends in main (lib/browser/api/message-channel.ts createPair). */
export function createPair() {
  const [a, b] = [`m${nextId++}`, `m${nextId++}`];
  entangle(a, b);
  where.set(a, MAIN).set(b, MAIN);
  const port1 = new MessagePortMain(a, mainTransport);
  const port2 = new MessagePortMain(b, mainTransport);
  local.set(a, port1).set(b, port2);
  return { port1, port2 };
}

/** A pair minted elsewhere (a page bridging a DOM port): `kept` stays at `loc`, the other travels. */
export function entangleRemote(kept, travelling, loc) {
  entangle(kept, travelling);
  where.set(kept, loc);
}
function entangle(a, b) {
  peers.set(a, b).set(b, a);
}

/** Ports arriving at `loc` with a message (and, recursively, the ports queued on them). */
export function relocate(descs, loc) {
  for (const d of descs) {
    if (where.get(d.id)?.kind === 'utility') {
      const inFlight = (sent.get(d.id) ?? 0) - d.recv;
      if (inFlight > 0) held.set(d.id, { left: inFlight, queue: [] });
    }
    sent.set(d.id, 0);
    where.set(d.id, loc);
    for (const entry of d.backlog) relocate(entry.ports, loc);
  }
}

/** A post on port `from`: to its peer, wherever that is now. */
export function route(from, data, descs) {
  const target = peers.get(from);
  counts.posted++;
  if (!target) return; // the peer closed meanwhile: the message is lost as on a broken pipe
  relocate(descs, where.get(target));
  deliver(target, data, descs, false);
}

/** data === null means "your peer closed". */
function deliver(id, data, descs, bounced) {
  const hold = held.get(id);
  if (hold && !bounced) return void hold.queue.push(() => deliver(id, data, descs, false));
  const loc = where.get(id);
  if (!loc) return;
  if (loc.kind === 'main') {
    const port = local.get(id);
    return void (data === null ? port?._peerClosed() : port?._receive(data, descs));
  }
  if (loc.kind === 'utility') sent.set(id, (sent.get(id) ?? 0) + 1);
  if (data === null) loc.peerClosed(id);
  else loc.deliver(id, data, descs);
}

/** port.close() (or its process went away): the peer learns after what was already sent. */
export function closeFrom(id) {
  const peer = peers.get(id);
  if (peer === undefined) return;
  peers.delete(id);
  peers.delete(peer);
  counts.closed++;
  deliver(peer, null, null, false);
}

/** A utility child got something for a port it had transferred (or not yet adopted): send it on. */
export function bounced(id, data, descs) {
  if (descs) relocate(descs, where.get(id));
  deliver(id, data, descs, true);
  const hold = held.get(id);
  if (hold && --hold.left <= 0) {
    held.delete(id);
    for (const fn of hold.queue) fn();
  }
}

/** A utility child exited or a page closed: its ports are gone, their peers get 'close'. */
export function dropLocation(loc) {
  for (const [id, at] of where) {
    if (at !== loc) continue;
    where.delete(id);
    closeFrom(id);
    held.delete(id);
  }
}

/** For the driver: how many ports live where, and how much went through the relay. */
export function describePorts() {
  const byLocation = {};
  for (const [id, at] of where) if (peers.has(id)) byLocation[at.name] = (byLocation[at.name] ?? 0) + 1;
  return { open: byLocation, ...counts };
}
