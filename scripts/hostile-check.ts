/**
 * An independent, black-box hostile check of issue 16's "Done when": hostile frames to
 * `parrot-tray sync`, hostile requests and bridge frames to `parrot-tray web`, driving the built
 * CLI (npm run build:cli, and build:web for the preview) as a user would. Every server it starts
 * listens on 127.0.0.1; every child is stopped at the end, even on failure.
 *
 *   npx tsx scripts/hostile-check.ts        exit 0: all held; exit 1: something failed
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAll, Report, ROOT, scrub } from './hostile-check-lib';
import { syncCheck } from './hostile-check-sync';
import { webCheck } from './hostile-check-web';

const WATCHDOG_MS = 240_000;

async function main(): Promise<number> {
  for (const f of ['out/cli/index.js', 'out/web/index.html']) {
    if (!existsSync(join(ROOT, f))) {
      console.error(`hostile-check: ${f} is missing: run "npm run build:cli" and "npm run build:web" first`);
      return 2;
    }
  }
  const tmp = mkdtempSync(join(tmpdir(), 'parrot-hostile-'));
  const token = `tok_${randomBytes(24).toString('hex')}`;
  const tokenFile = join(tmp, 'token');
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  const report = new Report();
  const log = console.log;
  // Nothing this script prints may carry the token, whatever a child said.
  console.log = (...a: unknown[]) => log(...a.map((x) => scrub(String(x), [token])));
  const watchdog = setTimeout(() => {
    console.log(`hostile-check: gave up after ${WATCHDOG_MS / 1000} s; stopping every child`);
    killAll();
    process.exit(1);
  }, WATCHDOG_MS);
  try {
    const only = process.env.HOSTILE_ONLY; // "sync" or "web" runs one part (HOSTILE_VERBOSE=1: a child's whole stderr)
    if (only !== 'web') {
      console.log('hostile-check: part 1, hostile backend → parrot-tray sync');
      await syncCheck(report, join(tmp, 'sync-data'), token, tokenFile);
    }
    if (only !== 'sync') {
      console.log('hostile-check: part 2, hostile HTTP and bridge frames → parrot-tray web (against parrot-tray demo-backend)');
      await webCheck(report, join(tmp, 'web-data'), token, tokenFile);
    }
  } catch (e) {
    report.check(false, `hostile-check itself failed: ${(e as Error).stack}`);
  } finally {
    clearTimeout(watchdog);
    killAll();
    rmSync(tmp, { recursive: true, force: true });
  }
  report.print();
  return report.failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => { killAll(); console.error(e); process.exit(1); });
