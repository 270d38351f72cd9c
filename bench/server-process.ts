import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { FromServer, Scenario } from './stream-server';

export interface StreamServer {
  url: string;
  /** When (wall clock, ms) the server handed each live checkpoint to its socket. */
  sent: Map<string, number>;
  stop(): Promise<void>;
}

/** Starts bench/stream-server.ts in a child process with `scenario` and waits for its URL. */
export async function startStreamServer(scenario: Scenario): Promise<StreamServer> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./stream-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const sent = new Map<string, number>();
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench stream server exited (${code})`)));
    child.on('message', (msg: FromServer) => {
      if (msg.type === 'ready') resolve(msg.url);
      else sent.set(msg.checkpointId, msg.at);
    });
    child.send({ type: 'start', scenario });
  });
  return {
    url,
    sent,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      await once(child, 'exit');
    },
  };
}
