import { describe, expect, it } from 'vitest';
import { CloseCode, MAX_CHANGES_BATCH, MAX_SNAPSHOT_PAGE } from '../../src/shared/protocol';
import { connect, moveTenant, startBackend, subscribed } from '../support/backend';

/** Reads `changes` frames until `toSeq` reaches `head`, checking contiguity from `after + 1`. */
async function changesUpTo(client: Awaited<ReturnType<typeof connect>>, after: number, head: number): Promise<any[]> {
  const items: any[] = [];
  let expected = after + 1;
  while (expected <= head) {
    const frame = await client.next('changes');
    expect(frame.fromSeq).toBe(expected);
    expect(frame.items.length).toBeLessThanOrEqual(MAX_CHANGES_BATCH);
    frame.items.forEach((item: any, i: number) => expect(item.seq).toBe(frame.fromSeq + i));
    expect(frame.toSeq).toBe(frame.fromSeq + frame.items.length - 1);
    items.push(...frame.items);
    expected = frame.toSeq + 1;
  }
  return items;
}

describe('demo backend: subscribe, snapshot, changes (sections 3.2 to 3.4)', () => {
  it('answers since null with resync then pages of at most 500, in order, seq on the last', async () => {
    const { url, backend } = await startBackend({ sessions: 1234 });
    const client = await connect(url);
    await client.next('hello');
    client.send({ type: 'subscribe', since: null });
    expect(await client.next()).toMatchObject({ type: 'resync' });
    const pages: any[] = [];
    do pages.push(await client.next('snapshot'));
    while (!pages[pages.length - 1].last);
    expect(pages.map((p) => p.page)).toEqual([0, 1, 2]);
    expect(pages.map((p) => p.sessions.length)).toEqual([500, 500, 234]);
    expect(pages.slice(0, -1).every((p) => p.seq === undefined && p.sessions.length <= MAX_SNAPSHOT_PAGE)).toBe(true);
    expect(pages[2].seq).toBe(backend.tenant.headSeq);
    expect(new Set(pages.flatMap((p) => p.sessions.map((s: any) => s.id))).size).toBe(1234);
  });

  it('sends one empty last page for an empty tenant', async () => {
    const { url } = await startBackend({ sessions: 0 });
    const { sessions, seq } = await subscribed(url);
    expect(sessions).toEqual([]);
    expect(seq).toBeGreaterThanOrEqual(0);
  });

  it('goes live after the snapshot with contiguous seq from seq + 1', async () => {
    const { url, backend } = await startBackend();
    const { client, seq } = await subscribed(url);
    for (let i = 0; i < 5; i++) moveTenant(backend, 7);
    const items = await changesUpTo(client, seq, backend.tenant.headSeq);
    expect(items.length).toBe(backend.tenant.headSeq - seq);
  });

  it('splits a large burst into batches of at most 1000', async () => {
    const { url, backend } = await startBackend({ sessions: 200 });
    const { client, seq } = await subscribed(url);
    moveTenant(backend, 2500);
    const head = backend.tenant.headSeq;
    expect(head - seq).toBeGreaterThan(MAX_CHANGES_BATCH);
    await changesUpTo(client, seq, head);
  });

  it('replays from since + 1 for a cursor inside the log', async () => {
    const { url, backend } = await startBackend();
    moveTenant(backend, 30);
    const cursor = backend.tenant.headSeq - 20;
    const client = await connect(url);
    await client.next('hello');
    client.send({ type: 'subscribe', since: cursor });
    const items = await changesUpTo(client, cursor, backend.tenant.headSeq);
    expect(items[0].seq).toBe(cursor + 1);
    expect(client.frames.map((f) => f.type)).toEqual(['hello', 'changes']);
  });

  it('answers an expired cursor with resync (cursor_expired) and a snapshot', async () => {
    const { url, backend } = await startBackend();
    moveTenant(backend, 30);
    const old = backend.tenant.headSeq - 25;
    backend.tenant.log.forgetThrough(backend.tenant.headSeq - 10);
    const client = await connect(url);
    await client.next('hello');
    client.send({ type: 'subscribe', since: old });
    expect(await client.next()).toMatchObject({ type: 'resync', reason: 'cursor_expired' });
    expect(await client.next()).toMatchObject({ type: 'snapshot', page: 0 });
  });

  it('closes with 4004 for a cursor ahead of headSeq', async () => {
    const { url, backend } = await startBackend();
    const client = await connect(url);
    await client.next('hello');
    client.send({ type: 'subscribe', since: backend.tenant.headSeq + 100 });
    expect((await client.closedWith()).code).toBe(CloseCode.subscriptionInvalid);
  });

  it('heals a gap when the client re-subscribes with its cursor', async () => {
    const { url, backend } = await startBackend();
    const { client, seq } = await subscribed(url);
    moveTenant(backend, 10);
    await changesUpTo(client, seq, backend.tenant.headSeq);
    // Pretend the last few items were lost: re-subscribe from an earlier seq and get them again.
    client.send({ type: 'subscribe', since: seq + 3 });
    await changesUpTo(client, seq + 3, backend.tenant.headSeq);
  });

  it('sends remove items for deleted sessions', async () => {
    const { url, backend } = await startBackend();
    const { client, seq, sessions } = await subscribed(url);
    backend.tenant.remove(sessions[0].id);
    backend.tenant.flush();
    const [item] = await changesUpTo(client, seq, seq + 1);
    expect(item).toEqual({ seq: seq + 1, op: 'remove', id: sessions[0].id });
  });
});
