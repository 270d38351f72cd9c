import { afterEach } from 'vitest';
import { DemoBackend, type DemoBackendOptions } from '../../src/main/core/demo/server';
import { TestClient } from './client';

export const TOKEN = 'test-token';

const running: DemoBackend[] = [];
const clients: TestClient[] = [];

/** Every backend and client a test starts is stopped after it, pass or fail. */
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(running.splice(0).map((b) => b.stop()));
});

/** A demo backend on 127.0.0.1, still (rate 0) unless told otherwise, so tests drive it by hand. */
export async function startBackend(options: Partial<DemoBackendOptions> = {}): Promise<{ backend: DemoBackend; url: string }> {
  const backend = new DemoBackend({ token: TOKEN, rate: 0, ...options });
  running.push(backend);
  const url = await backend.start();
  return { backend, url };
}

export async function connect(url: string, options: Parameters<typeof TestClient.connect>[1] = {}): Promise<TestClient> {
  const client = await TestClient.connect(url, options);
  clients.push(client);
  return client;
}

/** Connects, reads hello, subscribes from scratch and reads the whole snapshot. */
export async function subscribed(url: string): Promise<{ client: TestClient; seq: number; sessions: any[] }> {
  const client = await connect(url);
  await client.next('hello');
  client.send({ type: 'subscribe', since: null });
  await client.next('resync');
  const sessions: any[] = [];
  for (;;) {
    const page = await client.next('snapshot');
    sessions.push(...page.sessions);
    if (page.last) return { client, seq: page.seq as number, sessions };
  }
}

/** Moves the simulated tenant `n` steps and publishes the changes as one batch. */
export function moveTenant(backend: DemoBackend, n: number): void {
  for (let i = 0; i < n; i++) backend.simulation.step();
  backend.tenant.flush();
}
