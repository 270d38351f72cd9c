import { describe, expect, it } from 'vitest';
import { inQuietHours, isQuiet, ONE_HOUR_MS, snoozeFor, snoozeUntilTomorrow } from '../../src/main/core/notify';
import { NotifySettings } from '../../src/shared/notify-settings';
import { HOUR, MINUTE, NOW, SECOND } from '../shared/fixtures';

const settings = (over: Partial<NotifySettings> = {}): NotifySettings => NotifySettings.parse(over);
const at = (hh: number, mm: number): number => hh * 60 + mm;

describe('snoozeFor', () => {
  it('adds the span to now; one hour is ONE_HOUR_MS', () => {
    expect(snoozeFor(NOW, ONE_HOUR_MS)).toBe(NOW + HOUR);
  });
});

describe('snooze in isQuiet', () => {
  const snoozed = settings({ snoozedUntil: NOW + HOUR });

  it('is quiet up to the last millisecond before snoozedUntil', () => {
    expect(isQuiet(snoozed, NOW + HOUR - 1, at(11, 0))).toBe(true);
  });

  it('is over exactly at snoozedUntil', () => {
    expect(isQuiet(snoozed, NOW + HOUR, at(11, 0))).toBe(false);
  });

  it('is not quiet with no snooze and no quiet hours', () => {
    expect(isQuiet(settings(), NOW, at(10, 0))).toBe(false);
  });
});

describe('quiet hours', () => {
  const plain = settings({ quietHours: { start: '13:00', end: '14:00' } });
  const wrapping = settings({ quietHours: { start: '22:00', end: '07:00' } });

  it.each([
    [at(12, 59), false],
    [at(13, 0), true],
    [at(13, 59), true],
    [at(14, 0), false],
  ])('13:00–14:00 at minute %i: quiet %s', (minute, quiet) => {
    expect(isQuiet(plain, NOW, minute)).toBe(quiet);
  });

  it.each([
    [at(21, 59), false],
    [at(22, 0), true],
    [at(0, 0), true],
    [at(6, 59), true],
    [at(7, 0), false],
    [at(12, 0), false],
  ])('22:00–07:00 (wrapping midnight) at minute %i: quiet %s', (minute, quiet) => {
    expect(isQuiet(wrapping, NOW, minute)).toBe(quiet);
  });

  it('treats a window whose start equals its end as empty', () => {
    const empty = settings({ quietHours: { start: '09:00', end: '09:00' } });
    expect(inQuietHours(empty, at(9, 0))).toBe(false);
    expect(inQuietHours(empty, at(3, 0))).toBe(false);
  });

  it('reads an out-of-range minute modulo a day', () => {
    expect(inQuietHours(wrapping, 1440 + at(23, 0))).toBe(true);
    expect(inQuietHours(wrapping, -1)).toBe(true);
  });
});

describe('snoozeUntilTomorrow', () => {
  it('after 08:00 ends at 08:00 the next day', () => {
    expect(snoozeUntilTomorrow(NOW, at(10, 0))).toBe(NOW + 22 * HOUR);
  });

  it('before 08:00 ends at 08:00 the same morning', () => {
    expect(snoozeUntilTomorrow(NOW, at(6, 0))).toBe(NOW + 2 * HOUR);
    expect(snoozeUntilTomorrow(NOW, at(7, 59))).toBe(NOW + MINUTE);
  });

  it('at exactly 08:00 ends at 08:00 tomorrow, never now', () => {
    expect(snoozeUntilTomorrow(NOW, at(8, 0))).toBe(NOW + 24 * HOUR);
  });

  it('lands on 08:00:00.000 even when now is mid-minute', () => {
    expect(snoozeUntilTomorrow(NOW + 30 * SECOND + 5, at(10, 0))).toBe(NOW + 22 * HOUR);
  });

  it('keeps the snooze on until that moment, and off from it', () => {
    const until = snoozeUntilTomorrow(NOW, at(10, 0));
    const snoozed = settings({ snoozedUntil: until });
    expect(isQuiet(snoozed, until - 1, at(7, 59))).toBe(true);
    expect(isQuiet(snoozed, until, at(8, 0))).toBe(false);
  });
});
