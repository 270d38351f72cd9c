import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { registerApiHandlers } from '../../../src/main/shell/ipc/api-handlers';
import { APP_PAGE_URL } from '../../../src/main/shell/windows/app-protocol';
import { IPC } from '../../../src/shared/api/ipc-channels';
import { recipeArb } from './ipc-values';
import type { FuzzTarget } from './target';
import { check } from './words';

/**
 * Main's end of every channel in ipc-channels.ts, which the page cannot reach with arguments of its
 * own (the preload hides ipcRenderer): messages on each channel from senders that are the app's
 * page or only look like it, with junk arguments. A handler runs only for the app's own page, only
 * on the channels main listens to, and nothing throws.
 */
const OWN = fc.oneof(fc.constant(APP_PAGE_URL), fc.webPath().map((p) => `parrot-tray://app${p.startsWith('/') ? p : `/${p}`}`), fc.constantFrom('parrot-tray://app/index.html?x=1#y', 'parrot-tray://app/'));
// Chromium hands main a canonical URL, so no foreign one here differs from the page's by space alone.
const FOREIGN = fc.oneof(
  fc.constantFrom(
    'parrot-tray://app.evil/index.html', 'parrot-tray://evil/index.html', 'parrot-tray://ap/index.html', 'parrot-tray:///index.html', 'parrot-tray:app/index.html',
    'parrot-trayx://app/index.html', 'file:///opt/Parrot Tray/resources/app.asar/out/renderer/index.html', 'https://app/index.html', 'http://127.0.0.1:5173/',
    'about:blank', 'data:text/html,<script>1</script>', 'javascript:alert(1)', '', 'chrome-error://chromewebdata/', 'devtools://devtools/bundled/x',
  ),
  fc.webUrl(),
  fc.string(),
);
const senderArb = fc.oneof(
  { weight: 3, arbitrary: OWN.map((url) => ({ frame: { url } as unknown, own: true })) },
  { weight: 4, arbitrary: FOREIGN.map((url) => ({ frame: { url } as unknown, own: false })) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, {}, { url: 42 }, { url: null }).map((frame) => ({ frame, own: false })) },
);

export const ipcMainTarget: FuzzTarget<null> = {
  name: 'IPC channels in main',
  slow: false,
  start: async () => null,
  property(_env, coverage) {
    return fc.property(fc.constantFrom(...Object.values(IPC)), senderArb, fc.array(recipeArb, { maxLength: 3 }), (channel, sender, args) => {
      coverage.shape(`channel: ${channel}`, sender.own ? 'sender: the app' : 'sender: another page');
      const ipcMain = new EventEmitter();
      const called: string[] = [];
      registerApiHandlers(ipcMain as never, () => APP_PAGE_URL, { connect: () => called.push(IPC.connect), onNavigateReady: () => called.push(IPC.navigateReady) });
      const event = { senderFrame: sender.frame, sender: { id: 1 } };
      ipcMain.emit(channel, event, ...args);
      const listened = channel === IPC.connect || channel === IPC.navigateReady;
      check(JSON.stringify(called) === JSON.stringify(sender.own && listened ? [channel] : []), `${channel} from ${JSON.stringify(sender.frame)} ran ${JSON.stringify(called)}`);
    });
  },
  settle: async () => undefined,
  stop: async () => undefined,
};
