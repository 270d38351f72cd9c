import { describe, expect, it } from 'vitest';
import { TranscriptWriter } from '../../src/main/core/sync/transcript-writer';
import { silentLogger } from '../../src/main/core/log';
import type { TranscriptEntry } from '../../src/shared/protocol';
import { NOW, flowRun, iso } from '../shared/fixtures';
import { freshCache } from '../cache/helpers';

const message = (seq: number, text: string): TranscriptEntry => ({ seq, at: iso(NOW), kind: 'message', message: { role: 'agent', text } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TranscriptWriter', () => {
  it('writes the first page at once and the pages within the gap after it together, telling what grew', async () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1' }), flowRun({ id: 'fr_2' })], 1);
    const stored: string[] = [];
    const writer = new TranscriptWriter(cache, { stored: (id, after) => stored.push(`${id}>${after}`), lost: () => undefined, logger: silentLogger, gapMs: 200 });
    writer.add('fr_1', [message(1, 'one')]);
    await sleep(20);
    expect(cache.lastTranscriptSeq('fr_1')).toBe(1);
    writer.add('fr_1', [message(2, 'two')]);
    writer.add('fr_2', [message(1, 'other')]);
    writer.add('fr_1', [message(3, 'three')]);
    await sleep(50);
    // Within the gap: held, not yet written.
    expect(cache.lastTranscriptSeq('fr_1')).toBe(1);
    await sleep(250);
    expect(cache.transcript('fr_1').map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(cache.lastTranscriptSeq('fr_2')).toBe(1);
    expect(stored).toEqual(['fr_1>0', 'fr_1>1', 'fr_2>0']);
    cache.close();
  });

  it('says a write that failed and names its sessions, so they are fetched again', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1' })], 1);
    const lost: string[] = [];
    const warnings: string[] = [];
    const writer = new TranscriptWriter(cache, { stored: () => undefined, lost: (id) => lost.push(id), logger: { ...silentLogger, warn: (m: string) => warnings.push(m) } });
    writer.add('fr_1', [{ ...message(1, 'one'), seq: -4 }]);
    writer.stop();
    expect(lost).toEqual(['fr_1']);
    expect(warnings[0]).toMatch(/could not store transcript entries: .*seq must be a positive integer.*fetched again/);
    expect(cache.lastTranscriptSeq('fr_1')).toBe(0);
    cache.close();
  });
});
