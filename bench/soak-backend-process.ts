import { fork } from 'node:child_process';

/** bench/soak-backend.ts in a child process, and `ask`: send a message, await its reply. */
export function backendProcess() {
  const child = fork(new URL('./soak-backend.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(msg: object, reply: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { t: string }) => m.t === reply && (child.off('message', on), resolve(m as T));
      child.on('message', on);
      child.send(msg);
    });
  return { child, ask };
}
