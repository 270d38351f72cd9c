import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CacheError } from '../../core/cache/cache';
import { stderrLogger } from '../../core/log';
import { startCore, type RunningCore } from '../../core/runtime/start-core';
import { WebPreviewServer } from '../../web/web-server';
import { CliError, intFlag, numberFlag, parse } from '../args';
import { BACKEND_OPTIONS, BACKEND_USAGE, backendFlags, dataFlag } from '../backend-flags';
import type { Command } from '../command';

/** Where `npm run build:web` puts the renderer, next to this bundle in out/. */
const RENDERER_DIR = fileURLToPath(new URL('../web', import.meta.url));

export const webCommand: Command = {
  name: 'web',
  summary: 'the Command Center in your browser, against the same core (web preview)',
  usage: `Usage: parrot-tray web --backend URL|demo --data DIR [--port N]

Serves the app's renderer and its bridge on 127.0.0.1 only. The first line on stdout is
"serving http://127.0.0.1:PORT/#secret=…": open it in a browser. The secret in the URL and a
check of the page's origin keep other pages in your browser away from the bridge.

Options:
${BACKEND_USAGE}
                      --backend demo runs the demo backend in this process instead
  --data DIR          the cache directory (created if missing)
  --port N            port for the preview (default 0: a free one)
  --seed N, --sessions N, --rate R   the demo tenant, with --backend demo
  -h, --help          show this help`,
  async run(args, io) {
    const { values } = parse(args, {
      ...BACKEND_OPTIONS,
      data: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      sessions: { type: 'string' },
      rate: { type: 'string' },
    });
    if (values.help) {
      io.out(this.usage);
      return 0;
    }
    const dataDir = dataFlag(values);
    const port = intFlag('port', values.port, 0, 0, 65535);
    if (!existsSync(`${RENDERER_DIR}/index.html`)) throw new CliError('the web preview is not built yet: run "npm run build:web"');
    const demo = values.backend === 'demo';
    const backend = demo ? { url: null, token: null } : backendFlags(values, io.env);
    const logger = stderrLogger('parrot-tray web');
    // The same core entry as the app's utility process (core/runtime/start-core.ts).
    let core: RunningCore;
    try {
      core = await startCore({
        backendUrl: backend.url,
        token: backend.token,
        dataDir,
        logger,
        ...(demo
          ? {
              demo: {
                seed: intFlag('seed', values.seed, 1, 0, 2 ** 32 - 1),
                sessions: intFlag('sessions', values.sessions, 60, 0, 1_000_000),
                rate: numberFlag('rate', values.rate, 2, 0),
              },
            }
          : {}),
      });
    } catch (error) {
      if (error instanceof CacheError) throw new CliError(error.message);
      throw error;
    }
    if (core.notice) io.err(`parrot-tray: ${core.notice}`);
    const server = new WebPreviewServer(RENDERER_DIR, core.host);
    let url: string;
    try {
      url = await server.listen(port);
    } catch (error) {
      await core.stop();
      throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    io.out(`serving ${url}`);
    await io.untilSignal();
    await server.close();
    await core.stop();
    return 0;
  },
};
