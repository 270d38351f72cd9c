// The one Chromium behind every BrowserWindow: Debian's, driven by playwright-core from this
// (main) process, launched on the first window. `--remote-debugging-port=0` lets the test
// process attach to the same pages over CDP (the driver reads DevToolsActivePort).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onExit, options, report } from './runtime.mjs';

const require = createRequire(import.meta.url);
// MessagePortCloseEvent: Electron turns it on in every renderer (shell/renderer/renderer_client_base.cc),
// the "close" extension of docs/tutorial/message-ports.md.
const ARGS = ['--enable-blink-features=MessagePortCloseEvent', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--allow-file-access-from-files', '--remote-debugging-port=0'];

let launching = null;

/** The shared browser context; the first call launches Chromium. */
export function browserContext() {
  launching ??= (async () => {
    const { chromium } = require('playwright-core');
    const profile = join(options.tmp ?? '/tmp', 'chromium-profile');
    mkdirSync(profile, { recursive: true });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: options.chromium ?? '/usr/bin/chromium',
      headless: true,
      args: ARGS,
      viewport: null,
      // Electron pages are not "automated": keep navigator.webdriver as a normal browser has it.
      ignoreDefaultArgs: ['--enable-automation'],
    });
    onExit(() => context.close());
    // Playwright installs its page-side binding controller as a context init script the first time
    // any binding is exposed; doing it now, before any window's page exists, means no page can be
    // created in the middle of that (a page that misses it has bindings that are "not a function").
    await context.exposeBinding('__electronStandinReady', () => true);
    const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    report('cdp', { endpoint: `http://127.0.0.1:${port}` });
    return context;
  })();
  return launching;
}

/** A fresh page for a new window: the launch's initial blank page first, then new ones. */
let spare = true;
let chain = Promise.resolve();
/** Pages are made one at a time, so each window's setup sees a settled context. */
export function newPage(setup) {
  const made = chain.then(async () => {
    const context = await browserContext();
    let page;
    if (spare && context.pages()[0]) {
      spare = false;
      page = context.pages()[0];
    } else page = await context.newPage();
    await setup(page);
    return page;
  });
  chain = made.catch(() => {});
  return made;
}

/** The CDP target id: how the driver matches its Page objects to windows. */
export async function targetId(page) {
  const session = await page.context().newCDPSession(page);
  try {
    return (await session.send('Target.getTargetInfo')).targetInfo.targetId;
  } finally {
    await session.detach().catch(() => {});
  }
}
