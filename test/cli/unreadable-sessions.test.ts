import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/shared/protocol';
import { orderSessions } from '../../src/shared/sessions';
import { cli } from '../support/cli';
import { faultyBackend } from '../support/faulty-backend';
import { BROKEN_READABLE_IDS, brokenSessions, junkOptionalField, validSessions } from '../support/raw-sessions';
import { tempDir } from '../support/temp-dir';

function tokenFile(): string {
  const file = join(tempDir(), 'token');
  writeFileSync(file, 'independent-token\n');
  return file;
}

async function syncOnce(url: string, data = tempDir()) {
  const result = await cli(['sync', '--backend', url, '--token-file', tokenFile(), '--data', data, '--once', '--timeout', '60']);
  return { ...result, data };
}

const jsonRows = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string });

/** Done when, PROTOCOL.md section 1: one bad record never costs the others, run as a person would. */
describe('parrot-tray against an independent backend that sends unreadable sessions', () => {
  it('a snapshot of 800 valid sessions and 6 broken ones: sync --once exits 0, all 800 listed in order, 6 counted', async () => {
    const valid = validSessions(800);
    const broken = brokenSessions();
    // The broken ones are spread through the pages, not left at the end.
    const sessions: unknown[] = [...valid];
    broken.forEach((b, i) => sessions.splice(i * 130, 0, b));
    const backend = await faultyBackend({ sessions, seq: 10 });

    const sync = await syncOnce(backend.url);
    expect(sync.code).toBe(0);
    for (const id of BROKEN_READABLE_IDS) expect(sync.stderr).toMatch(new RegExp(`could not read session ${id}: \\S`));
    expect(sync.stderr).toMatch(/could not read a session without a readable id \(snapshot page \d+, session \d+\): id: /);
    // Each skipped item is logged once, with no content: no title of a broken session reaches the log.
    expect(sync.stderr.match(/could not read/g)).toHaveLength(6);
    expect(sync.stderr).not.toMatch(/dropped an invalid frame/);

    const listed = await cli(['sessions', '--data', sync.data, '--json']);
    expect(listed.code).toBe(0);
    const rows = jsonRows(listed.stdout);
    expect(rows).toHaveLength(800);
    const expected = orderSessions(valid.map((s) => Session.parse(s)), Date.now()).map((s) => s.id);
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(listed.stderr.trim()).toBe('6 sessions could not be read');

    const table = await cli(['sessions', '--data', sync.data]);
    expect(table.stderr.trim()).toBe('6 sessions could not be read');
    expect(table.stdout).toContain('mystery-status');
  });

  it('junk in one optional field of 20 sessions: none of the 20 vanishes, nothing else is lost', async () => {
    const valid = validSessions(60);
    const sessions = valid.map((s, i) => (i % 3 === 0 ? junkOptionalField(s, i) : s));
    const backend = await faultyBackend({ sessions, seq: 3 });
    const sync = await syncOnce(backend.url);
    expect(sync.code).toBe(0);
    const listed = await cli(['sessions', '--data', sync.data, '--json']);
    expect(jsonRows(listed.stdout).map((r) => r.id).sort()).toEqual(valid.map((s) => s.id as string).sort());
    expect(listed.stderr).toBe('');
  });

  it('a transcript page with one broken entry: the others are stored and shown', async () => {
    const [session] = validSessions(2).filter((s) => s.kind === 'flow_run');
    const entry = (seq: number) => ({ seq, at: new Date().toISOString(), kind: 'message', message: { role: 'agent', text: `entry ${seq}` } });
    const entries = [entry(1), entry(2), { ...entry(3), message: { role: 'robot' } }, entry(4), entry(5)];
    const backend = await faultyBackend({ sessions: [session], seq: 1, transcripts: new Map([[session!.id as string, entries]]), transcriptPage: 3 });
    const sync = await syncOnce(backend.url);
    expect(sync.code).toBe(0);
    expect(sync.stderr).toMatch(/could not read transcript entry 3 of session s_0: message\.role: invalid_value/);
    const shown = await cli(['transcript', session!.id as string, '--data', sync.data, '--json']);
    expect(shown.code).toBe(0);
    expect(jsonRows(shown.stdout).map((e) => (e as unknown as { seq: number }).seq)).toEqual([1, 2, 4, 5]);
  });
});
