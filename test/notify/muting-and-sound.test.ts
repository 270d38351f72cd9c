import { describe, expect, it } from 'vitest';
import { isMuted, playsSound, type NotifyKind, type Remembered } from '../../src/main/core/notify';
import { NotifySettings } from '../../src/shared/notify-settings';
import { ago, chat, flowRun, MINUTE, task } from '../shared/fixtures';
import { decide, kinds, running, seen, waiting } from './helpers';

const MUTED = { mutedFlows: [{ id: 'fl_1', name: 'Dependency upgrade' }] };

describe('isMuted', () => {
  it('mutes flow runs of a muted flow id only', () => {
    const settings = NotifySettings.parse(MUTED);
    expect(isMuted(flowRun(), settings)).toBe(true);
    expect(isMuted(flowRun({ flow: { flowId: 'fl_2' } }), settings)).toBe(false);
    // A run whose flow id is unknown cannot be told apart, so it is never muted.
    expect(isMuted(flowRun({ flow: { flowId: undefined } }), settings)).toBe(false);
    expect(isMuted(task(), settings)).toBe(false);
    expect(isMuted(chat(), settings)).toBe(false);
    expect(isMuted(flowRun(), NotifySettings.parse({}))).toBe(false);
  });
});

describe('playsSound', () => {
  it('only approvals and reminders, and only while sound is on', () => {
    const all: NotifyKind[] = ['approval', 'reminder', 'follow-up', 'failure', 'withdraw'];
    expect(all.filter((k) => playsSound(k, { sound: true }))).toEqual(['approval', 'reminder']);
    expect(all.filter((k) => playsSound(k, { sound: false }))).toEqual([]);
  });
});

describe('the approval policy with muted flows and sound', () => {
  it('a muted flow: no approval, remembered as suppressed so an unmute brings no burst back', () => {
    const memory = new Map<string, Remembered>();
    const d = decide([seen(waiting('fr_1', 'cp_1'))], { settings: MUTED, memory });
    expect(d.events).toEqual([]);
    expect(d.remember).toEqual([{ checkpointId: 'cp_1', sessionId: 'fr_1', as: 'suppressed' }]);
    for (const r of d.remember) memory.set(r.checkpointId, r.as);
    expect(decide([seen(waiting('fr_1', 'cp_1'))], { memory }).events).toEqual([]);
  });

  it("only the muted flow is quiet: another flow's checkpoint in the same batch still alerts", () => {
    const d = decide([seen(waiting('fr_1', 'cp_1')), seen(waiting('fr_2', 'cp_2', { flow: { flowId: 'fl_2' } }))], { settings: MUTED });
    expect(kinds(d)).toEqual(['notify:cp_2']);
  });

  it("a muted flow's failure is dropped; a withdraw of a banner shown before the mute still goes", () => {
    const failed = { before: running('fr_1'), after: flowRun({ status: 'failed', updatedAt: ago(MINUTE) }) };
    expect(decide([failed], { settings: { failures: true, ...MUTED } }).events).toEqual([]);
    const memory = new Map<string, Remembered>([['cp_1', 'shown']]);
    expect(kinds(decide([{ before: waiting('fr_1', 'cp_1'), after: running('fr_1') }], { settings: MUTED, memory }))).toEqual(['withdraw:cp_1']);
  });

  it('approvals (and their summary) ring unless sound is off; failures and withdraws never do', () => {
    const sounds = (settings: Partial<NotifySettings>) =>
      decide(
        [
          seen(waiting('fr_1', 'cp_1')),
          { before: running('fr_2', { id: 'fr_2' }), after: flowRun({ id: 'fr_2', status: 'failed' }) },
          { before: waiting('fr_3', 'cp_3'), after: running('fr_3', { id: 'fr_3' }) },
        ],
        { settings: { failures: true, ...settings }, memory: new Map([['cp_3', 'shown']]) },
      ).events.map((e) => [e.kind, e.sound]);
    expect(sounds({})).toEqual([
      ['withdraw', false],
      ['approval', true],
      ['failure', false],
    ]);
    expect(sounds({ sound: false }).map(([, s]) => s)).toEqual([false, false, false]);
    const burst = decide([1, 2, 3, 4].map((i) => seen(waiting(`fr_${i}`, `cp_${i}`))));
    expect(burst.events.map((e) => [e.event, e.kind, e.sound])).toEqual([['summary', 'approval', true]]);
  });
});
