// The project's demo backend in a process of its own (forked by bench/first-sync.ts), so its work
// never shows in the figures of the client under test. Prints nothing; talks over IPC.
import { DemoBackend } from '../src/main/core/demo/server';

process.once('message', async (msg: { sessions: number }) => {
  const backend = new DemoBackend({ token: 't', sessions: msg.sessions, rate: 0, seed: 7 });
  process.send!({ url: await backend.start() });
  process.once('message', () => void backend.stop().then(() => process.exit(0)));
});
process.on('disconnect', () => process.exit(0));
