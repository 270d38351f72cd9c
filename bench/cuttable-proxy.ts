import { createServer, connect, type Socket } from 'node:net';

/** A TCP hop between the app and the backend that can cut every connection, as a network would. */
export async function cuttableProxy(upstream: string) {
  const target = new URL(upstream);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const up = connect(Number(target.port), target.hostname);
    for (const s of [client, up]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(up).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `ws://127.0.0.1:${port}${target.pathname}`, cut: () => sockets.forEach((s) => s.destroy()), close: () => server.close() };
}
