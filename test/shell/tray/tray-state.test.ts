import { describe, expect, it } from 'vitest';
import { clockTime } from '../../../src/shared/format';
import { trayState, trayTitle, trayTooltip, trayView, type TrayInput } from '../../../src/main/shell/tray/tray-state';

const live = (over: Partial<TrayInput> = {}): TrayInput => ({ phase: 'live', active: 0, needsYou: 0, demo: false, ...over });
const at1042 = new Date(2025, 2, 14, 10, 42).getTime();

describe('trayState', () => {
  it('puts sign-in first, then offline, approvals, busy, idle', () => {
    expect(trayState(live({ phase: 'signin-needed', needsYou: 3, active: 2 }))).toBe('signin');
    expect(trayState(live({ phase: 'update-needed' }))).toBe('signin');
    for (const phase of ['connecting', 'reconnecting', 'stopped'] as const) expect(trayState(live({ phase, needsYou: 3, active: 2 }))).toBe('offline');
    expect(trayState(live({ needsYou: 1, active: 5 }))).toBe('approvals');
    expect(trayState(live({ active: 5 }))).toBe('busy');
    expect(trayState(live())).toBe('idle');
  });

  it('gathers state, icon, tooltip and title in one view', () => {
    expect(trayView(live({ needsYou: 2, active: 1 }))).toEqual({ state: 'approvals', icon: 'approvals', tooltip: 'Parrot Tray — 2 need you, 1 active', title: '2' });
  });
});

describe('trayTooltip', () => {
  it('says the counts in words', () => {
    expect(trayTooltip(live({ needsYou: 3, active: 12 }))).toBe('Parrot Tray — 3 need you, 12 active');
    expect(trayTooltip(live({ needsYou: 1 }))).toBe('Parrot Tray — 1 needs you');
    expect(trayTooltip(live({ active: 4 }))).toBe('Parrot Tray — 4 active');
    expect(trayTooltip(live())).toBe('Parrot Tray — nothing running');
  });

  it('says how old the data is when offline, keeping the cached counts', () => {
    expect(trayTooltip(live({ phase: 'reconnecting', offlineSince: at1042 }))).toBe(`Parrot Tray — offline, data as of ${clockTime(at1042)}`);
    expect(clockTime(at1042)).toBe('10:42');
    expect(trayTooltip(live({ phase: 'stopped', offlineSince: at1042, needsYou: 2, active: 1 }))).toBe(
      'Parrot Tray — offline, data as of 10:42 (2 need you, 1 active)',
    );
    expect(trayTooltip(live({ phase: 'stopped' }))).toBe('Parrot Tray — offline');
    expect(trayTooltip(live({ phase: 'connecting' }))).toBe('Parrot Tray — connecting…');
    expect(trayTooltip(live({ phase: 'connecting', offlineSince: at1042 }))).toBe('Parrot Tray — connecting, data as of 10:42');
  });

  it('asks for sign-in or an update without counts, and marks demo data', () => {
    expect(trayTooltip(live({ phase: 'signin-needed', needsYou: 3 }))).toBe('Parrot Tray — sign-in needed');
    expect(trayTooltip(live({ phase: 'update-needed' }))).toBe('Parrot Tray — update needed');
    expect(trayTooltip(live({ demo: true, active: 2 }))).toBe('Parrot Tray (demo data) — 2 active');
  });

  it('stays under the Windows tooltip limit (127 characters) in the longest case', () => {
    const long = trayTooltip({ phase: 'connecting', demo: true, offlineSince: at1042, needsYou: 99_999, active: 99_999 });
    expect(long.length).toBeLessThan(128);
  });
});

describe('trayTooltip with several profiles', () => {
  it("names the profiles in trouble in place of the phase, and keeps the counts: the other profiles' are current", () => {
    expect(trayTooltip(live({ phase: 'reconnecting', troubled: ['Globex: offline'], needsYou: 3, active: 12 }))).toBe('Parrot Tray — Globex: offline (3 need you, 12 active)');
    expect(trayTooltip(live({ phase: 'stopped', troubled: ['Globex: offline'], offlineSince: at1042 }))).toBe('Parrot Tray — Globex: offline');
    expect(trayTooltip(live({ phase: 'signin-needed', troubled: ['Acme: sign-in needed', 'Globex: offline'], needsYou: 3 }))).toBe('Parrot Tray — Acme: sign-in needed; Globex: offline (3 need you)');
    expect(trayTooltip(live({ phase: 'connecting', troubled: ['Acme: connecting'], active: 1 }))).toBe('Parrot Tray — Acme: connecting (1 active)');
  });

  it('keeps the one-profile wording when no profile is in trouble', () => {
    expect(trayTooltip(live({ troubled: [], needsYou: 3, active: 12 }))).toBe('Parrot Tray — 3 need you, 12 active');
    expect(trayTooltip(live({ phase: 'stopped', troubled: [], offlineSince: at1042 }))).toBe('Parrot Tray — offline, data as of 10:42');
  });

  it('leaves the icon to the most urgent phase, and a core problem still outranks the profiles', () => {
    const input = live({ phase: 'signin-needed', troubled: ['Acme: sign-in needed'], needsYou: 2 });
    expect(trayView(input)).toEqual({ state: 'signin', icon: 'signin', tooltip: 'Parrot Tray — Acme: sign-in needed (2 need you)', title: '' });
    expect(trayTooltip({ ...input, problem: 'the core stopped; restarting it…' })).toBe('Parrot Tray — the core stopped; restarting it…');
  });

  it('says how many more there are rather than pass the Windows limit (127 characters)', () => {
    const troubled = ['A', 'B', 'C', 'D', 'E'].map((letter) => `${letter.repeat(30)}: offline`);
    const tip = trayTooltip(live({ phase: 'reconnecting', troubled, needsYou: 99_999, active: 99_999 }));
    expect(tip.length).toBeLessThanOrEqual(127);
    expect(tip).toBe(`Parrot Tray — ${troubled[0]}; 4 more (99999 need you, 99999 active)`);
    expect(trayTooltip(live({ phase: 'reconnecting', troubled }))).toBe(`Parrot Tray — ${troubled[0]}; ${troubled[1]}; 3 more`);
    const huge = trayTooltip(live({ phase: 'signin-needed', troubled: [`${'x'.repeat(200)}: sign-in needed`, 'B: offline'] }));
    expect(Array.from(huge).length).toBeLessThanOrEqual(127);
    expect(huge.endsWith('…')).toBe(true);
  });
});

describe('trayTitle', () => {
  it('is the live approvals count, capped, or nothing', () => {
    expect(trayTitle(live({ needsYou: 3, active: 9 }))).toBe('3');
    expect(trayTitle(live({ needsYou: 250 }))).toBe('99+');
    expect(trayTitle(live({ active: 9 }))).toBe('');
    expect(trayTitle(live({ phase: 'reconnecting', needsYou: 3 }))).toBe('');
    expect(trayTitle(live({ phase: 'signin-needed', needsYou: 3 }))).toBe('');
  });
});

describe('a problem with the core', () => {
  it('outranks counts and phase: the icon says offline and the tooltip says what happened', () => {
    const input: TrayInput = { phase: 'live', active: 4, needsYou: 2, demo: true, problem: 'the core stopped; restarting it…' };
    expect(trayState(input)).toBe('offline');
    expect(trayTooltip(input)).toBe('Parrot Tray (demo data) — the core stopped; restarting it…');
    expect(trayTitle(input)).toBe('');
    expect(trayState({ ...input, problem: null })).toBe('approvals');
  });
});
