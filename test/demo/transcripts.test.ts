import { describe, expect, it } from 'vitest';
import { connect, moveTenant, startBackend } from '../support/backend';

describe('demo backend: transcripts (section 3.5)', () => {
  it('pages transcript.get by afterSeq and limit until complete', async () => {
    const { url, backend } = await startBackend();
    const [session] = backend.tenant.all().sort((a, b) => backend.tenant.transcriptLength(b.id) - backend.tenant.transcriptLength(a.id));
    const total = backend.tenant.transcriptLength(session!.id);
    expect(total).toBeGreaterThan(3);
    const client = await connect(url);
    await client.next('hello');
    const seqs: number[] = [];
    let afterSeq = 0;
    for (let i = 0; ; i++) {
      client.send({ type: 'transcript.get', reqId: `r${i}`, sessionId: session!.id, afterSeq, limit: 3 });
      const page = await client.next("transcript");
      expect(page).toMatchObject({ reqId: `r${i}`, sessionId: session!.id });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seqs.push(...page.entries.map((e: any) => e.seq));
      if (page.complete) break;
      afterSeq = page.entries[page.entries.length - 1].seq;
    }
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('answers an unknown session with not_found, carrying the reqId', async () => {
    const { url } = await startBackend();
    const client = await connect(url);
    await client.next('hello');
    client.send({ type: 'transcript.get', reqId: 'r1', sessionId: 'fr_nope', afterSeq: 0, limit: 10 });
    expect(await client.next('error')).toMatchObject({ code: 'not_found', reqId: 'r1' });
  });

  it('answers a malformed transcript.get with an invalid error that carries its reqId', async () => {
    const { url } = await startBackend();
    const client = await connect(url);
    await client.next('hello');
    client.send({ type: 'transcript.get', reqId: 'r9', sessionId: 'fr_1', afterSeq: -3, limit: 0 });
    expect(await client.next('error')).toMatchObject({ code: 'invalid', reqId: 'r9' });
  });

  it('streams transcript.append while watched, and stops after unwatch', async () => {
    const { url, backend } = await startBackend();
    const client = await connect(url);
    await client.next('hello');
    for (const s of backend.tenant.all()) client.send({ type: 'transcript.watch', sessionId: s.id });
    await new Promise((r) => setTimeout(r, 50));
    moveTenant(backend, 5);
    const append = await client.next('transcript.append');
    const length = backend.tenant.transcriptLength(append.sessionId as string);
    expect(append.entries.at(-1).seq).toBeLessThanOrEqual(length);
    expect(append.entries[0].seq).toBeGreaterThan(0);
    for (const s of backend.tenant.all()) client.send({ type: 'transcript.unwatch', sessionId: s.id });
    await new Promise((r) => setTimeout(r, 50));
    const before = client.frames.length;
    moveTenant(backend, 5);
    await new Promise((r) => setTimeout(r, 100));
    expect(client.frames.slice(before).filter((f) => f.type === 'transcript.append')).toEqual([]);
  });
});
