import { describe, expect, it } from 'vitest';
import type { Remembered, SessionChange } from '../../src/main/core/notify';
import { ago, checkpoint, flowRun, iso, MINUTE, NOW } from '../shared/fixtures';
import { decide, GRACE, kinds, persist, seen, waiting } from './helpers';

describe('approvals: scope', () => {
  it("'mine' notifies on my session and not on someone else's", () => {
    const d = decide([seen(waiting('fr_1', 'cp_1')), seen(waiting('fr_2', 'cp_2', { owner: GRACE }))]);
    expect(kinds(d)).toEqual(['notify:cp_1']);
    // Out of scope is not remembered, so widening the scope later alerts it.
    expect(d.remember).toEqual([{ checkpointId: 'cp_1', sessionId: 'fr_1', as: 'shown' }]);
  });

  it("'all' notifies on every session of the tenant", () => {
    const d = decide([seen(waiting('fr_2', 'cp_2', { owner: GRACE }))], { settings: { scope: 'all' } });
    expect(kinds(d)).toEqual(['notify:cp_2']);
  });
});

describe('approvals: memory decides, not before', () => {
  it('alerts a checkpoint first seen with no memory (a first sync)', () => {
    expect(kinds(decide([seen(waiting('fr_1', 'cp_1'))]))).toEqual(['notify:cp_1']);
  });

  it('never re-alerts after a restart when memory holds it, shown or suppressed', () => {
    for (const as of ['shown', 'suppressed'] as const) {
      const d = decide([seen(waiting('fr_1', 'cp_1'))], { memory: new Map([['cp_1', as]]) });
      expect(d.events).toEqual([]);
      expect(d.remember).toEqual([]);
    }
  });

  it('alerts a checkpoint that was in before but is not in memory', () => {
    const s = waiting('fr_1', 'cp_1');
    expect(kinds(decide([{ before: s, after: s }]))).toEqual(['notify:cp_1']);
  });

  it('never alerts the same checkpoint twice across calls', () => {
    const memory = new Map<string, Remembered>();
    const s = waiting('fr_1', 'cp_1');
    persist(memory, decide([seen(s)], { memory }));
    expect(decide([{ before: s, after: { ...s, updatedAt: ago(0) } }], { memory }).events).toEqual([]);
  });

  it('writes the session title and the step and prompt, nothing else', () => {
    const s = flowRun({
      title: 'Nightly dependency upgrade',
      status: 'paused',
      checkpoint: { ...checkpoint('cp_3'), step: 'Open pull request', prompt: 'Open a PR touching 14 files?' },
    });
    expect(decide([seen(s)]).events).toEqual([
      {
        event: 'notify',
        kind: 'approval',
        sound: true,
        sessionId: 'fr_1',
        checkpointId: 'cp_3',
        title: 'Approval needed: Nightly dependency upgrade',
        body: 'Open pull request — Open a PR touching 14 files?',
        at: iso(NOW),
      },
    ]);
  });

  it('keeps text short and on one line', () => {
    const s = waiting('fr_1', 'cp_1', { title: 'x'.repeat(200) });
    const long = { ...s, checkpoint: { ...checkpoint('cp_1'), prompt: `Line one\n\nline two ${'y'.repeat(300)}` } };
    const [e] = decide([seen(long)]).events;
    expect(Array.from(e!.title)).toHaveLength(64);
    expect(e!.title.endsWith('…')).toBe(true);
    expect(e!.body.startsWith('Line one line two y')).toBe(true);
    expect(Array.from(e!.body).length).toBeLessThanOrEqual(140);
  });
});

describe('approvals: bursts', () => {
  const batch = (n: number): SessionChange[] =>
    Array.from({ length: n }, (_, i) =>
      seen(waiting(`fr_${i + 1}`, `cp_${i + 1}`, { updatedAt: ago((i + 1) * MINUTE) })),
    );

  it('exactly 3 together: three notifies, newest first', () => {
    expect(kinds(decide(batch(3)))).toEqual(['notify:cp_1', 'notify:cp_2', 'notify:cp_3']);
  });

  it('4 together: one summary standing for all, each remembered as shown', () => {
    const d = decide(batch(4).reverse());
    expect(d.events).toEqual([
      {
        event: 'summary',
        kind: 'approval',
        sound: true,
        sessionId: null,
        checkpointId: null,
        title: '4 approvals waiting',
        body: 'Session fr_1, Session fr_2, Session fr_3, Session fr_4',
        at: iso(NOW),
        sessionIds: ['fr_1', 'fr_2', 'fr_3', 'fr_4'],
      },
    ]);
    expect(d.remember.map((r) => [r.checkpointId, r.as])).toEqual([1, 2, 3, 4].map((i) => [`cp_${i}`, 'shown']));
  });

  it('orders the same whatever the order of the changes', () => {
    const tie = [
      seen(waiting('fr_b', 'cp_b')),
      seen(waiting('fr_a', 'cp_a')),
      seen(waiting('fr_c', 'cp_c', { updatedAt: ago(0) })),
    ];
    expect(kinds(decide(tie))).toEqual(['notify:cp_c', 'notify:cp_a', 'notify:cp_b']);
    expect(decide([...tie].reverse())).toEqual(decide(tie));
  });
});
