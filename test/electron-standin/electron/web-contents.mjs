// webContents: a Playwright Page seen the way Electron's main process sees it (docs/api/web-contents.md).
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildInitScript } from '../sandbox-preload.mjs';
import { makeCodec } from './codec.mjs';
import { IpcMainImpl, cloneForIpc, dispatchInvoke, dispatchMessage } from './ipc-main.mjs';
import { fromPage, originOf, toPage } from './protocol.mjs';
import { electronEvent, guard, report } from './runtime.mjs';
import { dropPagePorts, portsFromPage, postMessageToPage } from './web-contents-ports.mjs';
import { ELECTRON_VERSION } from './versions.mjs';

const { encode, decode } = makeCodec();
const all = new Map();
let nextId = 1;

export class WebContents extends EventEmitter {
  constructor(prefs, onWindowOpen) {
    super();
    this.id = nextId++;
    this.ipc = new IpcMainImpl();
    this._prefs = prefs;
    this._onWindowOpen = onWindowOpen;
    this._page = null;
    this._destroyed = false;
    this._loading = false;
    this._openHandler = null;
    this._win = null;
    this._deliver = `__electronStandinDeliver_${randomUUID().replaceAll('-', '')}`;
    all.set(this.id, this);
    return guard('webContents', this);
  }

  /** Wires a fresh page: the IPC binding, the sandboxed preload, and Electron's events. */
  async _attach(page) {
    this._page = page;
    const binding = `__electronStandinIpc_${randomUUID().replaceAll('-', '')}`;
    await page.exposeBinding(binding, (source, message) => this._fromRenderer(source, message));
    const preloadPath = this._prefs.preload ?? null;
    let preloadSource = null;
    let readError = null;
    if (preloadPath) {
      try {
        preloadSource = readFileSync(preloadPath, 'utf8');
      } catch (error) {
        readError = error;
      }
    }
    const processProps = { arch: process.arch, platform: process.platform, env: { ...process.env }, version: process.version, versions: { ...process.versions, electron: ELECTRON_VERSION }, execPath: process.execPath, pid: process.pid, sandboxed: this._prefs.sandbox !== false, contextIsolated: this._prefs.contextIsolation !== false, type: 'renderer', argv: [], contextId: `${this.id}-1` };
    await page.addInitScript(buildInitScript({ binding, deliver: this._deliver, preloadPath: preloadPath ?? '', preloadSource: preloadPath ? preloadSource : null, readError, contextIsolated: processProps.contextIsolated, processProps }));
    page.on('domcontentloaded', () => this.emit('dom-ready', electronEvent()));
    page.on('load', () => {
      this._loading = false;
      this.emit('did-stop-loading', electronEvent());
      this.emit('did-finish-load', electronEvent());
    });
    page.on('console', (msg) => this.emit('console-message', electronEvent({ level: msg.type(), message: msg.text() }), msg.type(), msg.text()));
    page.on('popup', (popup) => void popup.close()); // window.open goes through _fromRenderer instead
    page.on('close', () => this._destroy());
  }

  _senderFrame(source) {
    const frame = source.frame;
    return guard('WebFrameMain', { get url() { return fromPage(frame.url()); }, get origin() { return originOf(fromPage(frame.url())); }, name: frame.name(), frameTreeNodeId: 1, processId: 1, routingId: 1, get top() { return this; }, parent: null, isDestroyed: () => frame.isDetached() });
  }

  async _fromRenderer(source, message) {
    if (this._destroyed) return undefined;
    const senderFrame = this._senderFrame(source);
    const base = { type: 'frame', sender: this, senderFrame, processId: 1, frameId: 1, frameTreeNodeId: 1, ports: [] };
    switch (message.kind) {
      case 'send': {
        const event = electronEvent({ ...base, reply: (channel, ...args) => this.send(channel, ...args) });
        dispatchMessage(this, event, message.channel, decode(message.args));
        return undefined;
      }
      case 'invoke': {
        const reply = await dispatchInvoke(this, electronEvent(base), message.channel, decode(message.args));
        return 'error' in reply ? reply : { result: encode(reply.result) };
      }
      case 'preload-error': {
        const error = Object.assign(new Error(message.error.message), { name: message.error.name, stack: message.error.stack });
        // Electron prints this in the renderer's console; the stand-in also puts it on main's stderr
        // so a test (and a developer) sees it where the main process logs.
        process.stderr.write(`Unable to load preload script: ${message.path}\n${message.error.stack || message.error.message}\n`);
        report('preload-error', { webContentsId: this.id, path: message.path, message: message.error.message });
        this.emit('preload-error', electronEvent(), message.path, error);
        return undefined;
      }
      case 'will-navigate': {
        message.url = fromPage(message.url);
        const event = electronEvent({ url: message.url, isSameDocument: false, isMainFrame: true, frame: senderFrame, initiator: senderFrame });
        this.emit('will-navigate', event, message.url);
        return !event.defaultPrevented;
      }
      case 'window-open':
        return this._windowOpen(message);
      default:
        portsFromPage(this, message, base);
        return undefined;
    }
  }

  _windowOpen({ url: pageUrl, frameName, features, disposition }) {
    const url = fromPage(pageUrl);
    const details = { url, frameName, features, disposition, referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' }, postBody: undefined };
    const decision = this._openHandler ? this._openHandler(details) : { action: 'allow' };
    report('window-open', { webContentsId: this.id, url, action: decision?.action ?? 'deny' });
    if (decision?.action === 'allow') this._onWindowOpen?.(url, decision.overrideBrowserWindowOptions ?? {});
    return decision?.action === 'allow';
  }

  loadURL(url) {
    this._loading = true;
    this.emit('did-start-loading', electronEvent());
    return this._whenPage().then(async (page) => {
      try {
        await page.goto(await toPage(url), { waitUntil: 'load' });
      } catch (error) {
        this._loading = false;
        const code = /net::(ERR_[A-Z_]+)/.exec(String(error))?.[1] ?? 'ERR_FAILED';
        this.emit('did-fail-load', electronEvent(), -1, code, url, true);
        throw new Error(`${code} loading '${url}'`);
      }
    });
  }

  loadFile(filePath, options = {}) {
    const target = pathToFileURL(filePath);
    if (options.query) target.search = new URLSearchParams(options.query).toString();
    if (options.search) target.search = options.search;
    if (options.hash) target.hash = options.hash;
    return this.loadURL(target.href);
  }

  /** Electron delivers only to listeners the page already has; anything else is silently lost. */
  send(channel, ...args) {
    const payload = encode(cloneForIpc(args));
    void this._whenPage()
      .then((page) => page.evaluate(([name, ch, data]) => (typeof window[name] === 'function' ? window[name](ch, data) : 'no-preload'), [this._deliver, channel, payload]))
      .catch(() => 'navigating')
      .then((delivered) => {
        if (delivered !== true) report('dropped-send', { webContentsId: this.id, channel, reason: delivered === false ? 'no-listener' : delivered, url: this.getURL() });
      });
  }

  /** docs: transferred MessagePortMain objects arrive as DOM MessagePorts in the event's `ports`. */
  postMessage(channel, message, transfer) {
    postMessageToPage(this, channel, message, transfer);
  }

  _whenPage() {
    return this._win._ready;
  }
  setWindowOpenHandler(handler) { this._openHandler = handler; }
  getURL() { return this._page && !this._destroyed ? fromPage(this._page.url()) : ''; }
  getTitle() { return this._page?.title() ?? ''; }
  isLoading() { return this._loading; }
  isDestroyed() { return this._destroyed; }
  isFocused() { return this._win?.isFocused() ?? false; }
  focus() { this._win?.focus(); }
  executeJavaScript(code) { return this._whenPage().then((page) => page.evaluate(code)); }
  reload() { void this._whenPage().then((page) => page.reload()); }
  close() { this._win?.destroy(); }
  _destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    all.delete(this.id);
    dropPagePorts(this);
    this.emit('destroyed', electronEvent());
  }
}

export const webContents = guard('webContents', {
  getAllWebContents: () => [...all.values()],
  fromId: (id) => all.get(id),
  getFocusedWebContents: () => [...all.values()].find((wc) => wc.isFocused()) ?? null,
});
