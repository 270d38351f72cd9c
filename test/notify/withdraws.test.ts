import { describe, expect, it } from 'vitest';
import type { Remembered } from '../../src/main/core/notify';
import { decide, GRACE, kinds, running, waiting } from './helpers';

describe('withdraws', () => {
  const shown = (): Map<string, Remembered> => new Map([['cp_1', 'shown']]);

  it('withdraws a shown checkpoint decided elsewhere, and forgets it', () => {
    const d = decide([{ before: waiting('fr_1', 'cp_1'), after: running('fr_1') }], { memory: shown() });
    expect(kinds(d)).toEqual(['withdraw:cp_1']);
    expect(d.events[0]).toMatchObject({ sessionId: 'fr_1', title: 'No longer waiting: Session fr_1' });
    expect(d.forget).toEqual(['cp_1']);
  });

  it('does not withdraw a suppressed one (never on screen) but still forgets it', () => {
    const memory = new Map<string, Remembered>([['cp_1', 'suppressed']]);
    const d = decide([{ before: waiting('fr_1', 'cp_1'), after: running('fr_1') }], { memory });
    expect(d.events).toEqual([]);
    expect(d.forget).toEqual(['cp_1']);
  });

  it('has nothing to withdraw or forget for a checkpoint it never knew', () => {
    const d = decide([{ before: waiting('fr_1', 'cp_1', { owner: GRACE }), after: running('fr_1') }]);
    expect(d).toEqual({ events: [], remember: [], forget: [] });
  });

  it('withdraws when the session is removed', () => {
    const d = decide([{ before: waiting('fr_1', 'cp_1'), after: null }], { memory: shown() });
    expect(kinds(d)).toEqual(['withdraw:cp_1']);
    expect(d.forget).toEqual(['cp_1']);
  });

  it('withdraws the old and notifies the new when the checkpoint changes id', () => {
    const d = decide([{ before: waiting('fr_1', 'cp_1'), after: waiting('fr_1', 'cp_2') }], { memory: shown() });
    expect(kinds(d)).toEqual(['withdraw:cp_1', 'notify:cp_2']);
    expect(d.remember).toEqual([{ checkpointId: 'cp_2', sessionId: 'fr_1', as: 'shown' }]);
  });

  it('withdraws a shown one even if its session left my scope', () => {
    const change = { before: waiting('fr_1', 'cp_1'), after: running('fr_1', { owner: GRACE }) };
    const d = decide([change], { memory: shown() });
    expect(kinds(d)).toEqual(['withdraw:cp_1']);
  });

  it('merges several changes to one session: a checkpoint that came and went is never shown', () => {
    const d = decide([
      { before: running('fr_1'), after: waiting('fr_1', 'cp_1') },
      { before: waiting('fr_1', 'cp_1'), after: running('fr_1') },
    ]);
    expect(d).toEqual({ events: [], remember: [], forget: [] });
  });
});
