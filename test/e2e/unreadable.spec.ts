// An independent backend whose snapshot mixes good sessions with broken ones: the page shows every
// readable session and says how many could not be read, with their ids behind a disclosure
// (PROTOCOL.md section 1), in the Command Center and on the Sessions page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import { expect, test } from '@playwright/test';
import { ApiHost } from '../../src/main/core/api/api-host';
import { Companion } from '../../src/main/core/companion';
import { WebPreviewServer } from '../../src/main/web/web-server';
import { SUBPROTOCOL } from '../../src/shared/protocol/constants';
import { BROKEN_READABLE_IDS, brokenSessions, validSessions } from '../support/raw-sessions';

const RENDERER = resolve(import.meta.dirname, '../../out/web');

/** Just enough of the server side to hand out one snapshot as sent, junk included. */
async function brokenTenant(sessions: unknown[]): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false) });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (ws) => {
    const send = (frame: unknown) => ws.send(JSON.stringify(frame));
    send({ type: 'hello', protocol: 1, serverTime: new Date().toISOString(), heartbeatMs: 15_000, tenant: { id: 't_e2e', name: 'E2E' }, user: { id: 'u_ada', name: 'Ada Lovelace' }, headSeq: 5 });
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; reqId?: string; sessionId?: string };
      if (frame.type === 'subscribe') {
        send({ type: 'resync', reason: 'no_cursor' });
        send({ type: 'snapshot', page: 0, sessions, last: true, seq: 5 });
      } else if (frame.type === 'transcript.get') {
        send({ type: 'transcript', reqId: frame.reqId, sessionId: frame.sessionId, entries: [], complete: true });
      }
    });
  });
  const { port } = wss.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}`, close: () => new Promise((r) => { for (const c of wss.clients) c.terminate(); wss.close(() => r()); }) };
}

test('a snapshot with broken sessions shows the rest, and says how many could not be read', async ({ page }) => {
  const valid = validSessions(30, 'ok');
  const broken = brokenSessions();
  const backend = await brokenTenant([...valid.slice(0, 10), ...broken, ...valid.slice(10)]);
  const dataDir = mkdtempSync(join(tmpdir(), 'parrot-e2e-unreadable-'));
  const { companion } = Companion.open({ backendUrl: backend.url, token: 'e2e-token', dataDir });
  const server = new WebPreviewServer(RENDERER, new ApiHost(companion, { demo: false }));
  try {
    const url = await server.listen(0);
    companion.start();
    await page.goto(url);
    const summary = page.getByText(`${broken.length} sessions could not be read`);
    await expect(summary).toBeVisible();
    await summary.click();
    const ids = page.getByRole('list', { name: 'Sessions that could not be read' });
    for (const id of BROKEN_READABLE_IDS) await expect(ids.getByText(id, { exact: true })).toBeVisible();
    await expect(ids.getByText('1 more without a readable id')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/unreadable-popover.png' });

    await page.getByRole('button', { name: 'All sessions' }).click();
    await expect(page.getByText(`${valid.length} sessions`, { exact: true })).toBeVisible();
    await expect(page.getByText(`${broken.length} sessions could not be read`)).toBeVisible();
  } finally {
    await server.close();
    companion.close();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
