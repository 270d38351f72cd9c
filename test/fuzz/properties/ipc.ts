import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { DemoBackend } from '../../../src/main/core/demo/server';
import { ensureAppBuilt } from '../../support/built-app';
import { launch, type StandinApp } from '../../electron-standin/driver';
import { deepLinkArb } from './deep-link';
import { buildValue, kindOf, methodArb, recipeArb, type Recipe } from './ipc-values';
import type { FuzzTarget } from './target';
import { check, expectNoSecret, expectSentence, expectWords, SECRET } from './words';

interface Env {
  app: StandinApp;
  page: Page;
  backend: DemoBackend;
}

/** What the page saw of one use of its API: a synchronous throw, or how the promise settled. */
interface Outcome {
  threw: string | null;
  settled: 'resolved' | 'rejected' | 'pending' | 'none';
  message: string | null;
}

type Use = 'call' | 'watch' | 'onNavigate' | 'onStatus' | 'onTranscript';

/**
 * Runs in the page: builds the junk there (a Map or a cyclic object cannot cross into it as such)
 * and hands it to the preload's API, the only door the page has to IPC and the core's port.
 */
const USE_IN_PAGE = `async ({ use, method, args, build }) => {
  const api = window.parrotTray;
  const out = { threw: null, settled: 'none', message: null };
  try {
    const values = args.map(build);
    if (use === 'call') {
      const result = api.call(build(method), values[0]);
      const timeout = new Promise((r) => setTimeout(() => r({ pending: true }), 8000));
      const s = await Promise.race([result.then(() => ({ ok: true }), (e) => ({ error: String(e && e.message !== undefined ? e.message : e) })), timeout]);
      out.settled = s.pending ? 'pending' : s.ok ? 'resolved' : 'rejected';
      out.message = s.error ?? null;
    } else {
      const stop = use === 'watch' ? api.watch(values[0], () => undefined) : api[use](values[0]);
      if (typeof stop === 'function') stop();
    }
  } catch (e) {
    out.threw = String(e && e.message !== undefined ? e.message : e);
  }
  return out;
}`;

async function useApi(page: Page, use: Use, method: Recipe, args: Recipe[]): Promise<Outcome> {
  // tsx keeps function names with a `__name` helper the page does not have: given here as a no-op.
  return page.evaluate(`((__name) => (${USE_IN_PAGE})({ use: ${JSON.stringify(use)}, method: ${JSON.stringify(method)}, args: ${JSON.stringify(args)}, build: ${buildValue} }))((f) => f)`) as Promise<Outcome>;
}

const SESSIONS = `new Promise((resolve) => {
  const stop = window.parrotTray.watch({ view: 'sessions', filters: {}, offset: 0, limit: 500 }, (r) => { stop(); resolve(r.rows.map((row) => row.session.id)); });
})`;

const runArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ use: fc.constantFrom<Use>('call', 'call', 'call', 'call', 'watch', 'onNavigate', 'onStatus', 'onTranscript'), method: methodArb, args: fc.array(recipeArb, { maxLength: 2 }) }) },
  { weight: 1, arbitrary: deepLinkArb.map((link) => ({ use: 'link' as const, link })) },
);

/** The app is up, its core too, nothing escaped a handler in main, and nothing printed a secret. */
function expectAlive(app: StandinApp): void {
  check(app.running, `the app ended: ${app.stderr.slice(-20).join('\n')}`);
  check(app.eventsOf('uncaught-exception').length === 0, `main threw: ${String(JSON.stringify(app.eventsOf('uncaught-exception')[0]?.data)).slice(0, 300)}`);
  check(app.eventsOf('utility-exit').length === 0, `the core ended: ${String(JSON.stringify(app.eventsOf('utility-exit')[0]?.data))}`);
  expectNoSecret("the app's output", [...app.stdout, ...app.stderr].join('\n'));
  check(!/escaped its handler|nothing handled it/.test(app.stderr.join('\n')), `a failure nothing handled: ${app.stderr.filter((l) => /escaped|nothing handled/.test(l)).join('\n').slice(0, 300)}`);
}

/**
 * IPC through the Electron stand-in: the built app, its sandboxed preload and its core, with a
 * profile on a demo backend that takes the test's token. The page hands every API entry (and so
 * every message on its port to the core) junk of every structured-clone kind; main gets links it
 * must route. Every call settles, a refusal is words without a secret, no process ends, and every
 * session is still listed.
 */
export const ipcTarget: FuzzTarget<Env> = {
  name: 'IPC through the Electron stand-in',
  slow: true,
  async start() {
    ensureAppBuilt();
    const backend = new DemoBackend({ token: SECRET, rate: 0, sessions: 20, seed: 11 });
    const url = await backend.start();
    const app = launch({ safeStorageBackend: 'gnome_libsecret' });
    try {
      await app.waitForReady(30_000);
      const { page } = await app.firstWindow(30_000);
      await page.waitForFunction(() => typeof (globalThis as { parrotTray?: unknown }).parrotTray === 'object', undefined, { timeout: 30_000 });
      await page.evaluate(`window.parrotTray.call('addProfile', { name: 'Fuzz', backendUrl: ${JSON.stringify(url)}, token: ${JSON.stringify(SECRET)} })`);
      const env = { app, page, backend };
      await ipcTarget.settle(env);
      return env;
    } catch (error) {
      await app.close();
      await backend.stop();
      throw error;
    }
  },
  property(env, coverage) {
    return fc.asyncProperty(runArb, async (run) => {
      if (run.use === 'link') {
        coverage.shape('main: open-url');
        await env.app.openUrl(run.link);
      } else {
        coverage.shape(`use: ${run.use}`, ...(run.use === 'call' ? [`method: ${run.method.k === 'string' ? run.method.v.slice(0, 20) : kindOf(run.method)}`] : []), ...run.args.map((a) => `value: ${kindOf(a)}`));
        const outcome = await useApi(env.page, run.use, run.method, run.args);
        if (outcome.threw !== null) expectWords('what the API threw', outcome.threw);
        if (run.use === 'call' && outcome.threw === null) {
          check(outcome.settled !== 'pending', 'a call was never answered');
          if (outcome.settled === 'rejected') expectSentence('a refused call', outcome.message ?? '');
        }
      }
      const probe = await useApi(env.page, 'call', { k: 'string', v: 'getSettings' }, [{ k: 'object', e: [] }]);
      check(probe.settled === 'resolved', `getSettings after the junk: ${JSON.stringify(probe)}`);
      expectAlive(env.app);
    });
  },
  async settle(env) {
    expectAlive(env.app);
    const want = env.backend.tenant.all().map((s) => `fuzz/${s.id}`).sort();
    let held: string[] = [];
    const deadline = Date.now() + 20_000;
    while (JSON.stringify(held) !== JSON.stringify(want) && Date.now() < deadline) {
      held = ((await env.page.evaluate(SESSIONS)) as string[]).sort();
      if (JSON.stringify(held) !== JSON.stringify(want)) await new Promise((r) => setTimeout(r, 200));
    }
    check(JSON.stringify(held) === JSON.stringify(want), `the Sessions list holds ${held.length} of the backend's ${want.length} sessions`);
  },
  async stop(env) {
    await env.app.close();
    await env.backend.stop();
  },
};
