import { describe, expect, it } from 'vitest';
import type { Remembered } from '../../src/main/core/notify';
import { flowRun, HOUR, NOW } from '../shared/fixtures';
import { decide, kinds, persist, running, seen, waiting } from './helpers';

describe('snooze and quiet hours', () => {
  it('while snoozed: nothing shown, remembered as suppressed', () => {
    const d = decide([seen(waiting('fr_1', 'cp_1'))], { settings: { snoozedUntil: NOW + 1 } });
    expect(d.events).toEqual([]);
    expect(d.remember).toEqual([{ checkpointId: 'cp_1', sessionId: 'fr_1', as: 'suppressed' }]);
  });

  it('at exactly snoozedUntil the snooze is over', () => {
    const d = decide([seen(waiting('fr_1', 'cp_1'))], { settings: { snoozedUntil: NOW } });
    expect(kinds(d)).toEqual(['notify:cp_1']);
  });

  it('in quiet hours: failures are dropped too', () => {
    const settings = { failures: true, quietHours: { start: '22:00', end: '07:00' } };
    const change = { before: running('fr_1'), after: flowRun({ status: 'failed' }) };
    expect(decide([change], { settings, minute: 22 * 60 }).events).toEqual([]);
    expect(kinds(decide([change], { settings, minute: 7 * 60 }))).toEqual(['notify:fr_1']);
  });

  it('still withdraws ones that were shown', () => {
    const memory = new Map<string, Remembered>([['cp_1', 'shown']]);
    const removed = { before: waiting('fr_1', 'cp_1'), after: null };
    const d = decide([removed], { memory, settings: { snoozedUntil: NOW + HOUR } });
    expect(kinds(d)).toEqual(['withdraw:cp_1']);
  });

  it('never alerts suppressed ones later: no burst when the snooze ends', () => {
    const memory = new Map<string, Remembered>();
    const five = Array.from({ length: 5 }, (_, i) => waiting(`fr_${i}`, `cp_${i}`));
    persist(memory, decide(five.map(seen), { memory, settings: { snoozedUntil: NOW + HOUR } }));
    const later = decide(
      five.map((s) => ({ before: s, after: s })),
      { memory, now: NOW + 2 * HOUR, minute: 12 * 60 },
    );
    expect(later).toEqual({ events: [], remember: [], forget: [] });
    // And after a restart, where the cache is empty and only the memory survives.
    expect(decide(five.map(seen), { memory, now: NOW + 2 * HOUR }).events).toEqual([]);
  });
});
