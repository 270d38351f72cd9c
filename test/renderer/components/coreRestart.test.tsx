import { describe, expect, it } from 'vitest';
import { coreRestartWords } from '../../../src/renderer/src/components/coreRestartWords';

const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).getTime();

describe('the words for a restarted core', () => {
  it('says what happened and when, today', () => {
    const at = local(2026, 11, 24, 10, 42);
    expect(coreRestartWords({ count: 1, at, reason: 'exited with code 1' }, at + 5 * 60_000, 'en-GB')).toBe(
      "Parrot Tray's background service stopped (exited with code 1) and was restarted at 10:42.",
    );
  });

  it('adds the day when it was not today', () => {
    const at = local(2026, 11, 23, 23, 5);
    expect(coreRestartWords({ count: 1, at, reason: 'killed by signal 9' }, local(2026, 11, 24, 0, 10), 'en-GB')).toBe(
      "Parrot Tray's background service stopped (killed by signal 9) and was restarted at Mon 23 Nov, 23:05.",
    );
  });

  it('counts restarts after the first, so one that keeps failing does not read like a one-off', () => {
    const at = local(2026, 11, 24, 9, 3);
    expect(coreRestartWords({ count: 3, at, reason: 'exited with code 134' }, at, 'en-GB')).toBe(
      "Parrot Tray's background service stopped (exited with code 134) and was restarted at 09:03. It has restarted 3 times since Parrot Tray started.",
    );
  });
});
