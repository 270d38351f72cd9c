import { Companion } from '../../core/companion';
import type { ConnectionState } from '../../../shared/connection-state';
import { stderrLogger } from '../../core/log';
import { intFlag, parse } from '../args';
import { BACKEND_OPTIONS, BACKEND_USAGE, backendFlags, dataFlag } from '../backend-flags';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { openOrExplain } from '../open-cache';

export const syncCommand: Command = {
  name: 'sync',
  summary: 'keep the offline cache in step with a backend (and print notification decisions)',
  usage: `Usage: parrot-tray sync --backend URL --data DIR [--once] [--events]

Connects, takes a snapshot or replays from the cache's cursor, and keeps the cache at DIR
current. Runs until SIGINT/SIGTERM, reconnecting as needed.

Options:
${BACKEND_USAGE}
  --data DIR          the cache directory (created if missing)
  --once              exit 0 as soon as the cache has caught up with the server
                      and the prefetch set's transcripts are in (the few hundred
                      sessions most likely to be opened; others are fetched when opened)
  --timeout S         with --once, give up after S seconds (default 120)
  --events            print one JSON line per notification decision on stdout
  -h, --help          show this help

Exit codes: 0 done, 1 failed, 2 usage, 3 sign-in needed, 4 update needed, 5 offline.`,
  async run(args, io) {
    const { values } = parse(args, { ...BACKEND_OPTIONS, data: { type: 'string' }, once: { type: 'boolean' }, events: { type: 'boolean' }, timeout: { type: 'string' } });
    if (values.help) {
      io.out(this.usage);
      return 0;
    }
    const { url, token } = backendFlags(values, io.env);
    const dataDir = dataFlag(values);
    const timeoutS = intFlag('timeout', values.timeout, 120, 1, 86_400);
    const logger = stderrLogger('parrot-tray sync');
    const companion = openOrExplain(() => Companion.open({ backendUrl: url, token, dataDir, logger }), io);
    if (values.events) {
      companion.on('notification', (e) => {
        io.out(JSON.stringify({ event: e.event, sessionId: e.sessionId, checkpointId: e.checkpointId, title: e.title, body: e.body, at: e.at }));
      });
    }
    // Each time the cache reaches the head the server announced (see SyncEngine's caughtUp).
    companion.on('caughtUp', (seq) => logger.info(`caught up at seq ${seq}`));
    const outcome = new Promise<number>((resolve) => {
      companion.on('state', (state: ConnectionState) => {
        if (state.phase === 'live') logger.info('live');
        if (state.phase === 'signin-needed') {
          io.err(`parrot-tray sync: sign-in needed: ${state.reason} (check --token-file or PARROT_TOKEN)`);
          resolve(ExitCode.signInNeeded);
        }
        if (state.phase === 'update-needed') {
          io.err(`parrot-tray sync: update needed: ${state.reason}`);
          resolve(ExitCode.updateNeeded);
        }
      });
      if (values.once) {
        companion.on('caughtUp', () => {
          void companion.transcripts.drained().then(() => resolve(ExitCode.ok));
        });
        setTimeout(() => {
          io.err(`parrot-tray sync: did not catch up within ${timeoutS} s (${companion.connection.state.reason ?? 'no answer'})`);
          resolve(ExitCode.offline);
        }, timeoutS * 1000).unref();
      }
      void io.untilSignal().then(() => resolve(ExitCode.ok));
    });
    companion.start();
    const code = await outcome;
    companion.close();
    return code;
  },
};
