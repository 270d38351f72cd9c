// MessagePorts between main and a page: webContents.postMessage (docs/api/web-contents.md,
// lib/browser/api/web-frame-main.ts), ipcRenderer.postMessage arriving as '-ipc-ports'
// (lib/browser/ipc-dispatch.ts: event.ports as MessagePortMain, webContents.ipc then ipcMain, no
// 'ipc-message'), and the page's port traffic through the relay (port-hub.mjs, page/ports.mjs).
// Values cross CDP in the IPC codec (codec.mjs); ports as descriptions the page adopts.
import { makeCodec } from './codec.mjs';
import { dispatchPorts } from './ipc-main.mjs';
import { checkTransfer, deserialize, serialize } from './message-port.mjs';
import { MAIN, closeFrom, dropLocation, entangleRemote, mainTransport, relocate, route } from './port-hub.mjs';
import { electronEvent, report } from './runtime.mjs';

const { encode, decode } = makeCodec();
const toPage = (data) => encode(deserialize(data));
const descsToPage = (descs) => descs.map((d) => ({ id: d.id, peerGone: d.peerGone, backlog: d.backlog.map((e) => ({ data: toPage(e.data), ports: descsToPage(e.ports) })) }));
const locations = new Map();

/** The hub's handle on a page: what reaches the ports that live there. */
function pageLocation(wc) {
  if (!locations.has(wc.id)) {
    const toPort = (id, data, descs) => {
      void wc._whenPage()
        .then((page) => page.evaluate(([name, ...args]) => (typeof window[name] === 'function' ? window[name](...args) : false), [`${wc._deliver}_port`, id, data, descs]))
        .catch(() => false)
        // The document that had the port is gone (navigated, closed): the port is, too.
        .then((ok) => { if (!ok && data !== null) closeFrom(id); });
    };
    locations.set(wc.id, { kind: 'page', name: `page:${wc.id}`, deliver: (id, data, descs) => toPort(id, toPage(data), descsToPage(descs)), peerClosed: (id) => toPort(id, null, null) });
  }
  return locations.get(wc.id);
}

/** contents.postMessage(channel, message, [transfer]): ports arrive as DOM MessagePorts in event.ports. */
export function postMessageToPage(wc, channel, message, transfer) {
  const data = serialize(message);
  const descs = (Array.isArray(transfer) ? checkTransfer(transfer, null) : []).map((p) => p._detach());
  relocate(descs, pageLocation(wc));
  const args = [wc._deliver, String(channel), toPage(data), descsToPage(descs)];
  void wc._whenPage()
    .then((page) => page.evaluate(([name, ...rest]) => (typeof window[name] === 'function' ? window[name](...rest) : 'no-preload'), args))
    .catch(() => 'navigating')
    .then((delivered) => {
      if (delivered === true) return;
      // Lost like webContents.send; the ports it carried are gone with it, so their peers close.
      report('dropped-send', { webContentsId: wc.id, channel: String(channel), reason: delivered === false ? 'no-listener' : delivered, url: wc.getURL() });
      for (const d of descs) closeFrom(d.id);
    });
}

/** Ports the page transferred out: each stays bridged in the page under `peer`; `id` travels. */
function minted(wc, list) {
  return list.map(({ id, peer }) => {
    entangleRemote(peer, id, pageLocation(wc));
    return { id, backlog: [], recv: 0, peerGone: false };
  });
}

/** The page's port messages (page/ports.mjs and ipcRenderer.postMessage); true if handled. */
export function portsFromPage(wc, message, base) {
  if (message.kind === 'port-post') route(message.from, serialize(decode(message.data)), minted(wc, message.ports));
  else if (message.kind === 'port-close') closeFrom(message.id);
  else if (message.kind === 'post-message') {
    const descs = minted(wc, message.ports);
    relocate(descs, MAIN);
    const event = electronEvent({ ...base, ports: descs.map((d) => mainTransport.adopt(d)) });
    dispatchPorts(wc, event, message.channel, decode(message.data));
  } else return false;
  return true;
}

/** The page closed: ports living there are gone. */
export function dropPagePorts(wc) {
  if (locations.has(wc.id)) dropLocation(locations.get(wc.id));
  locations.delete(wc.id);
}
