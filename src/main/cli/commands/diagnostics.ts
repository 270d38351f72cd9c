import fs from 'node:fs';
import path from 'node:path';
import { CACHE_FILE } from '../../core/cache/open';
import { buildDiagnostics, type DiagnosedCache } from '../../core/diagnostics/diagnostics';
import { CliError, parse, UsageError } from '../args';
import { dataFlag } from '../backend-flags';
import type { Command } from '../command';
import { openProfiles } from '../profile-flags';

/** The app's version, from the package.json beside the bundle (out/cli → the project root). */
function appVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export const diagnosticsCommand: Command = {
  name: 'diagnostics',
  summary: 'write a bundle to attach to a problem report (no token, no session content)',
  usage: `Usage: parrot-tray diagnostics --data DIR --out FILE

Writes one JSON file you can read before sending it: versions, the OS, the profiles of DIR
(name, backend, whether a token file is set; never the token or the file's path), and each
cache's counts and sizes. Never a session's title, a transcript, an id or a token; every text in
it passes the same redaction rules transcripts do. An existing FILE is not replaced.

Options:
  --data DIR          the data directory (its profiles, or its one cache)
  --out FILE          where to write the bundle (must not exist yet)
  -h, --help          show this help`,
  async run(args, io) {
    const { values } = parse(args, { data: { type: 'string' }, out: { type: 'string' } });
    if (values.help) {
      io.out(this.usage);
      return 0;
    }
    const dataDir = dataFlag(values);
    if (!values.out) throw new UsageError('--out FILE is required');
    const store = openProfiles(dataDir);
    const profiles = store.list();
    const caches: DiagnosedCache[] = profiles.map((p) => ({ profile: p.id, folder: store.cacheDir(p) }));
    // A data directory from before profiles (or --backend's form) keeps its one cache at the top.
    if (fs.existsSync(path.join(dataDir, CACHE_FILE))) caches.push({ profile: null, folder: dataDir });
    const bundle = buildDiagnostics({
      versions: { app: appVersion(), node: process.versions.node, v8: process.versions.v8 },
      settings: { profiles: profiles.map((p) => ({ id: p.id, name: p.name, backendUrl: p.backendUrl, tokenFile: p.tokenFile ? 'set' : 'missing', color: p.color })) },
      caches,
      logs: [],
      now: Date.now(),
    });
    try {
      // 'wx': never over a file the person already has; 0600: it names their backends.
      fs.writeFileSync(values.out, `${JSON.stringify(bundle, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(code === 'EEXIST' ? `${values.out} already exists; choose another file` : `cannot write ${values.out}: ${code ?? (error as Error).message}`);
    }
    io.out(`Wrote ${values.out}: ${caches.length} ${caches.length === 1 ? 'cache' : 'caches'}, no token and no session content. Read it before you send it.`);
    return 0;
  },
};
