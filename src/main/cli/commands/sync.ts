import { Companion } from '../../core/companion';
import { FILE_FOR_OTHER_READERS } from '../../core/sync/disk-flush';
import type { ConnectionState } from '../../../shared/connection-state';
import { stderrLogger } from '../../core/log';
import { intFlag, parse, UsageError } from '../args';
import { BACKEND_OPTIONS, BACKEND_USAGE, dataFlag } from '../backend-flags';
import type { CliIo, Command } from '../command';
import { ExitCode } from '../exit-codes';
import { openOrExplain } from '../open-cache';
import { chosenProfiles, oneBackend, openProfiles, PROFILE_OPTION, PROFILE_USAGE, profileTarget, type BackendTarget } from '../profile-flags';

interface SyncOptions {
  once: boolean;
  events: boolean;
  timeoutS: number;
}

export const syncCommand: Command = {
  name: 'sync',
  summary: 'keep the offline cache in step with a backend (and print notification decisions)',
  usage: `Usage: parrot-tray sync --data DIR [--profile NAME | --backend URL] [--once] [--events]

Connects, takes a snapshot or replays from the cache's cursor, and keeps the cache at DIR
current. Runs until SIGINT/SIGTERM, reconnecting as needed. With profiles in DIR (see
"parrot-tray profiles") and neither --profile nor --backend, every profile syncs at once, each on
its own connection: one that needs sign-in or is offline never holds back the others.

Options:
${BACKEND_USAGE}
${PROFILE_USAGE}
  --data DIR          the cache directory (created if missing)
  --once              exit 0 as soon as the cache has caught up with the server
                      and the prefetch set's transcripts are in (the few hundred
                      sessions most likely to be opened; others are fetched when opened)
  --timeout S         with --once, give up after S seconds (default 120)
  --events            print one JSON line per notification decision on stdout
                      (with "profile" when syncing profiles)
  -h, --help          show this help

Exit codes: 0 done, 1 failed, 2 usage, 3 sign-in needed, 4 update needed, 5 offline. With
several profiles, --once waits for every one and exits with the first profile's failure, if any.`,
  async run(args, io) {
    const { values } = parse(args, { ...BACKEND_OPTIONS, ...PROFILE_OPTION, data: { type: 'string' }, once: { type: 'boolean' }, events: { type: 'boolean' }, timeout: { type: 'string' } });
    if (values.help) {
      io.out(this.usage);
      return 0;
    }
    const dataDir = dataFlag(values);
    const options: SyncOptions = { once: values.once === true, events: values.events === true, timeoutS: intFlag('timeout', values.timeout, 120, 1, 86_400) };
    const store = values.backend === undefined ? openProfiles(dataDir) : null;
    const everyProfile = store !== null && values.profile === undefined && store.list().length > 0;
    if (!everyProfile) return syncOne(oneBackend(values, dataDir, io.env), options, io);
    if (values.token !== undefined || values['token-file'] !== undefined) throw new UsageError('a token goes with --backend; profiles keep their own token files');
    const targets = chosenProfiles(values, store).map((p) => profileTarget(store, p, io.env));
    const codes = await Promise.all(targets.map((t) => syncOne(t, options, io)));
    return codes.find((c) => c !== ExitCode.ok) ?? ExitCode.ok;
  },
};

/** One backend into its cache until caught up (--once) or a signal; resolves to its exit code. */
async function syncOne(target: BackendTarget, options: SyncOptions, io: CliIo): Promise<number> {
  const name = target.profile ? `parrot-tray sync [${target.profile.name}]` : 'parrot-tray sync';
  const logger = stderrLogger(name);
  const companion = openOrExplain(() => Companion.open({ backendUrl: target.url, token: target.token, dataDir: target.dataDir, logger, flush: FILE_FOR_OTHER_READERS }), io);
  if (options.events) {
    const profile = target.profile ? { profile: target.profile.id } : {};
    companion.on('notification', (e) => {
      io.out(JSON.stringify({ event: e.event, sessionId: e.sessionId, checkpointId: e.checkpointId, title: e.title, body: e.body, at: e.at, ...profile }));
    });
  }
  // Each time the cache reaches the head the server announced (see SyncEngine's caughtUp).
  companion.on('caughtUp', (seq) => logger.info(`caught up at seq ${seq}`));
  let settled = false;
  const outcome = new Promise<number>((settle) => {
    // Once settled, a later event or the --once timer says nothing: with several profiles the
    // process lives on for the others, and this one's timer would still fire.
    const resolve = (code: number) => {
      if (settled) return;
      settled = true;
      settle(code);
    };
    companion.on('state', (state: ConnectionState) => {
      if (state.phase === 'live') logger.info('live');
      if (state.phase === 'signin-needed') {
        io.err(`${name}: sign-in needed: ${state.reason} (check ${target.profile ? `the token file ${target.profile.tokenFile}` : '--token-file or PARROT_TOKEN'})`);
        resolve(ExitCode.signInNeeded);
      }
      if (state.phase === 'update-needed') {
        io.err(`${name}: update needed: ${state.reason}`);
        resolve(ExitCode.updateNeeded);
      }
    });
    if (options.once) {
      companion.on('caughtUp', () => {
        void companion.transcripts.drained().then(() => resolve(ExitCode.ok));
      });
      setTimeout(() => {
        if (settled) return;
        io.err(`${name}: did not catch up within ${options.timeoutS} s (${companion.connection.state.reason ?? 'no answer'})`);
        resolve(ExitCode.offline);
      }, options.timeoutS * 1000).unref();
    }
    void io.untilSignal().then(() => resolve(ExitCode.ok));
  });
  companion.start();
  const code = await outcome;
  companion.close();
  return code;
}
