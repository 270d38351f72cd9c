import { DemoBackend } from '../../core/demo/server';
import { intFlag, numberFlag, parse } from '../args';
import type { Command } from '../command';
import { resolveToken } from '../token';

/** Accepted when no token is given, so `parrot-tray demo-backend` works with no set-up. */
export const DEMO_TOKEN = 'demo-token';

export const demoBackendCommand: Command = {
  name: 'demo-backend',
  summary: 'run the demo backend: a simulated Disco Parrot tenant on a WebSocket',
  usage: `Usage: parrot-tray demo-backend [options]

Runs the project's demo backend (PROTOCOL.md, server side) until SIGINT or SIGTERM.
The first line on stdout is exactly "listening ws://HOST:PORT".

Options:
  --host HOST         address to listen on (default 127.0.0.1)
  --port N            port; 0 picks a free one (default 0)
  --token-file F      accept the token in file F (preferred)
  --token T           accept token T (visible to other users in the process list)
                      with neither, PARROT_TOKEN or else the demo token "${DEMO_TOKEN}" is accepted
  --seed N            the tenant is the same for the same seed (default 1)
  --sessions N        sessions in the tenant at start (default 60)
  --rate R            simulated changes per second; 0 keeps it still (default 2)
  --heartbeat-ms N    ping interval announced in hello (default 15000)
  -h, --help          show this help`,
  async run(args, io) {
    const { values } = parse(args, {
      host: { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      seed: { type: 'string' },
      sessions: { type: 'string' },
      rate: { type: 'string' },
      'heartbeat-ms': { type: 'string' },
    });
    if (values.help) {
      io.out(this.usage);
      return 0;
    }
    const backend = new DemoBackend({
      host: values.host ?? '127.0.0.1',
      port: intFlag('port', values.port, 0, 0, 65535),
      token: resolveToken(values, io.env) ?? DEMO_TOKEN,
      seed: intFlag('seed', values.seed, 1, 0, 2 ** 32 - 1),
      sessions: intFlag('sessions', values.sessions, 60, 0, 1_000_000),
      rate: numberFlag('rate', values.rate, 2, 0),
      heartbeatMs: intFlag('heartbeat-ms', values['heartbeat-ms'], 15_000, 100, 3_600_000),
    });
    let url: string;
    try {
      url = await backend.start();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.err(`parrot-tray demo-backend: cannot listen on ${values.host ?? '127.0.0.1'}:${values.port ?? 0}: ${code ?? (error as Error).message}`);
      return 1;
    }
    io.out(`listening ${url}`);
    await io.untilSignal();
    await backend.stop();
    return 0;
  },
};
