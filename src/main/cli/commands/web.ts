import { existsSync, unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stderrLogger } from '../../core/log';
import type { ProfileHub } from '../../core/profiles/profile-hub';
import type { ProfileSpec } from '../../core/profiles/profile-member';
import { PROFILES_FILE } from '../../core/profiles/profile-store';
import { startProfiles } from '../../core/runtime/start-profiles';
import { DEMO_PROFILE_ID } from '../../../shared/profiles/profile-fields';
import { WebPreviewServer } from '../../web/web-server';
import { CliError, intFlag, numberFlag, parse } from '../args';
import { BACKEND_OPTIONS, BACKEND_USAGE, backendFlags, dataFlag } from '../backend-flags';
import type { Command } from '../command';
import { chosenProfiles, openProfiles, PROFILE_OPTION, PROFILE_USAGE, profileTarget } from '../profile-flags';

/** The one profile of the form before profiles (--backend URL): its cache stays at --data's top. */
const LEGACY_PROFILE_ID = 'default';

/** Where `npm run build:web` puts the renderer, next to this bundle in out/. */
const RENDERER_DIR = fileURLToPath(new URL('../web', import.meta.url));

export const webCommand: Command = {
  name: 'web',
  summary: 'the Command Center in your browser, against the same core (web preview)',
  usage: `Usage: parrot-tray web --data DIR [--profile NAME | --backend URL|demo] [--port N]

Serves the app's renderer and its bridge on 127.0.0.1 only. The first line on stdout is
"serving http://127.0.0.1:PORT/#secret=…": open it in a browser. The secret in the URL and a
check of the page's origin keep other pages in your browser away from the bridge.

Without --backend, every profile of --data is shown in one Command Center, each row
labelled with its profile (see "parrot-tray profiles").

Options:
${PROFILE_USAGE}
${BACKEND_USAGE}
                      --backend demo runs the demo backend in this process instead
  --data DIR          the data directory: its profiles, or the cache of --backend
  --port N            port for the preview (default 0: a free one)
  --seed N, --sessions N, --rate R   the demo tenant, with --backend demo
  -h, --help          show this help`,
  async run(args, io) {
    const { values } = parse(args, {
      ...BACKEND_OPTIONS,
      ...PROFILE_OPTION,
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
    const specs = webProfiles(values, dataDir, io.env, (line) => io.err(line));
    const logger = stderrLogger('parrot-tray web');
    // The same core entry as the app's utility process (core/runtime/start-profiles.ts).
    let core: ProfileHub;
    try {
      // Only profiles of --data have folders of their own to delete; --backend's cache is --data itself.
      core = await startProfiles(specs, { logger, ...(values.backend === undefined ? { cacheRoot: dataDir } : {}) });
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const server = new WebPreviewServer(RENDERER_DIR, core);
    let url: string;
    try {
      url = await server.listen(port);
    } catch (error) {
      await core.close();
      throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    io.out(`serving ${url}`);
    // "parrot-tray profiles add|remove" in another terminal shows here without a restart.
    const stopFollowing = values.backend === undefined && values.profile === undefined ? followProfiles(dataDir, core, io) : () => undefined;
    await io.untilSignal();
    stopFollowing();
    await server.close();
    await core.close();
    return 0;
  },
};

/** Polls profiles.json (fs.watch misses renames on some file systems) and hands the hub each new list. */
function followProfiles(dataDir: string, hub: ProfileHub, io: { env: NodeJS.ProcessEnv; err: (line: string) => void }): () => void {
  const file = join(dataDir, PROFILES_FILE);
  const onChange = () => {
    try {
      // A profiles file gone (moved, being replaced) is no instruction to drop every profile.
      if (!existsSync(file)) return;
      hub.setProfiles(webProfiles({}, dataDir, io.env, io.err, true)).then(
        (failures) => failures.forEach((f) => io.err(`parrot-tray web: ${f}`)),
        (error: Error) => io.err(`parrot-tray web: the profiles could not be applied: ${error.message}`),
      );
    } catch (error) {
      io.err(`parrot-tray web: the profiles changed but could not be read: ${(error as Error).message}`);
    }
  };
  watchFile(file, { interval: 500 }, onChange);
  return () => unwatchFile(file, onChange);
}

type WebValues = { profile?: string; backend?: string; token?: string; 'token-file'?: string; seed?: string; sessions?: string; rate?: string };

/** What the preview shows: --backend's one backend as before profiles, else --data's profiles (or --profile's one). */
function webProfiles(values: WebValues, dataDir: string, env: NodeJS.ProcessEnv, warn: (line: string) => void, allowNone = false): ProfileSpec[] {
  const base = { name: null, color: null, notify: null } as const;
  if (values.backend !== undefined) {
    if (values.profile !== undefined) throw new CliError('give --profile, or --backend, not both', 2);
    if (values.backend === 'demo') {
      const demo = {
        seed: intFlag('seed', values.seed, 1, 0, 2 ** 32 - 1),
        sessions: intFlag('sessions', values.sessions, 60, 0, 1_000_000),
        rate: numberFlag('rate', values.rate, 2, 0),
      };
      return [{ ...base, id: DEMO_PROFILE_ID, backendUrl: null, token: null, dataDir, demo }];
    }
    const { url, token } = backendFlags(values, env);
    return [{ ...base, id: LEGACY_PROFILE_ID, backendUrl: url, token, dataDir }];
  }
  const store = openProfiles(dataDir);
  const profiles = chosenProfiles(values, store);
  if (profiles.length === 0 && !allowNone) {
    throw new CliError(`${dataDir} has no profiles: add one (parrot-tray profiles add NAME --backend URL --token-file F --data ${dataDir}), or give --backend URL|demo`, 2);
  }
  return profiles.map((profile) => {
    let token: string | null = null;
    try {
      token = profileTarget(store, profile, env).token;
    } catch (error) {
      // A token it cannot read makes that profile "sign-in needed", in words, and the rest still run.
      warn(`parrot-tray web: [${profile.name}] ${(error as Error).message}`);
    }
    return { id: profile.id, name: profile.name, color: profile.color, notify: null, backendUrl: profile.backendUrl, token, dataDir: store.cacheDir(profile) };
  });
}
