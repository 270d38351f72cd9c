import { createInterface } from 'node:readline/promises';
import { installSafetyNet } from '../core/runtime/safety-net';
import { runCli } from './main';

// `parrot-tray web` and `sync` run for days: a failure nothing caught is logged and they go on.
// A one-shot command whose work died that way never finishes: it must not then exit 0.
installSafetyNet(process, {
  name: 'parrot-tray',
  log: (line) => {
    process.stderr.write(`${line}\n`);
    process.exitCode ||= 1;
  },
  giveUp: (code) => process.exit(code),
});

// The reader went away (`parrot-tray sessions | head`): nothing more can be said, and it is no failure.
// Like any Unix tool, stop quietly; the safety net would otherwise report it as an escaped error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
  env: process.env,
  untilSignal: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  async confirm(question: string): Promise<boolean | null> {
    // A pipe or a script has nobody to answer: the caller refuses rather than guess.
    if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
    } finally {
      rl.close();
    }
  },
};

runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
