// The page's end of the MessagePort relay (../electron/port-hub.mjs). A port that main or a
// utility process sends the page arrives as a real DOM MessagePort: one end of a fresh
// MessageChannel goes to the app, the other ("plumbing") is wired to the hub over the IPC
// binding, so the app's port keeps Chromium's own behaviour (queued until start()/onmessage,
// structured clone and DataCloneError on post). A DOM port the page transfers out stays here as
// plumbing, and a fresh pair of ids stands for it in the hub. Self-contained: injected as source.
export function makePagePorts(call, encode, decode) {
  const plumbing = new Map();
  const prefix = `p${Math.random().toString(36).slice(2)}:`;
  let next = 0;
  const quiet = (promise) => promise.catch(() => {});
  function bridge(id, port) {
    plumbing.set(id, port);
    port.onmessage = (e) => quiet(call({ kind: 'port-post', from: id, data: encode(e.data), ports: e.ports.map(mint) }));
    // Chromium's MessagePort 'close' (the remote end went away) — the page closed its end.
    port.addEventListener('close', () => { if (plumbing.delete(id)) quiet(call({ kind: 'port-close', id })); });
  }
  /** A DOM port leaving the page: it stays as plumbing for `peer`; `id` travels. */
  function mint(port) {
    const id = prefix + next++;
    const peer = prefix + next++;
    bridge(peer, port);
    return { id, peer };
  }
  /** A port arriving (with what was queued on it where it came from): the app gets port1. */
  function adopt(desc) {
    const { port1, port2 } = new MessageChannel();
    bridge(desc.id, port2);
    for (const entry of desc.backlog) port2.postMessage(decode(entry.data), entry.ports.map(adopt));
    if (desc.peerGone) close(desc.id);
    return port1;
  }
  /** false: this document does not have the port (it navigated since); the hub closes it. */
  function deliver(id, data, descs) {
    const port = plumbing.get(id);
    if (!port) return false;
    port.postMessage(decode(data), descs.map(adopt));
    return true;
  }
  function close(id) {
    const port = plumbing.get(id);
    plumbing.delete(id);
    port?.close();
    return !!port;
  }
  return { mint, adopt, deliver, close };
}
