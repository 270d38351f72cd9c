// The core's utility process entry (out/main/core.js): Electron's main forks it with
// utilityProcess.fork (shell/core/core-supervisor.ts), and it talks back over process.parentPort.
// No `electron` import: parentPort is a property of `process` in a utility process
// (docs/api/parent-port.md), typed here with only what the core uses.
import { serveParent } from './core-service';
import type { PortLike } from './port-peer';
import { installSafetyNet } from './safety-net';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): unknown;
  postMessage(message: unknown): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  process.stderr.write('parrot-tray core: this entry runs in an Electron utility process (no process.parentPort here)\n');
  process.exit(2);
}

// stderr is piped to main, which logs each line (and keeps it for a problem report).
const net = installSafetyNet(process, { name: 'core', log: (line) => process.stderr.write(`${line}\n`), giveUp: (code) => process.exit(code) });

const service = serveParent(
  {
    post: (message) => parentPort.postMessage(message),
    onMessage: (listener) => void parentPort.on('message', (event) => listener(event.data, event.ports ?? [])),
  },
  (code) => process.exit(code),
  (line) => process.stderr.write(`${line}\n`),
  net.counts,
);

// UtilityProcess.kill() is SIGTERM on POSIX: close the database before going, as a `stop` does.
process.on('SIGTERM', () => void service.stop());
