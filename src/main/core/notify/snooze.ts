import type { NotifySettings } from '../../../shared/notify-settings';

export const MINUTES_PER_DAY = 24 * 60;
export const ONE_HOUR_MS = 60 * 60_000;
/** "Until tomorrow" ends at this local time. */
export const MORNING_MINUTE = 8 * 60;
const MINUTE_MS = 60_000;

/** The `snoozedUntil` for "snooze for …"; `snoozeFor(now, ONE_HOUR_MS)` is the one-hour choice. */
export function snoozeFor(now: number, ms: number): number {
  return now + ms;
}

/**
 * The next 08:00 local, strictly after `now`: before 08:00 that is this morning (snoozing at 01:00
 * means "until the morning"), from 08:00 on it is tomorrow's.
 * The policy knows no time zones, so it counts wall-clock minutes from the caller's local minute;
 * on a night the clocks change the snooze ends an hour early or late, which is harmless for a snooze.
 */
export function snoozeUntilTomorrow(now: number, localMinuteOfDay: number): number {
  const minute = normalizeMinute(localMinuteOfDay);
  const ahead = (MORNING_MINUTE - minute + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY;
  // Local minutes start on whole UTC minutes (every zone in use has a whole-minute offset),
  // so flooring `now` lands on the start of the caller's local minute: the result is exactly 08:00:00.
  return Math.floor(now / MINUTE_MS) * MINUTE_MS + ahead * MINUTE_MS;
}

/** Snoozed until the instant `snoozedUntil` (exclusive: at that ms the snooze is over). */
export function isSnoozed(settings: NotifySettings, now: number): boolean {
  return settings.snoozedUntil != null && now < settings.snoozedUntil;
}

/**
 * Within quiet hours: start included, end excluded, so 22:00–07:00 is quiet at 22:00 and 06:59 and
 * loud again at 07:00. A window whose start equals its end is empty (never quiet): a whole day of
 * silence is what snooze or turning notifications off is for, and a zero-length window is more
 * likely a half-edited setting than a wish for permanent silence.
 */
export function inQuietHours(settings: NotifySettings, localMinuteOfDay: number): boolean {
  const hours = settings.quietHours;
  if (!hours) return false;
  const start = parseClock(hours.start);
  const end = parseClock(hours.end);
  const minute = normalizeMinute(localMinuteOfDay);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Nothing is shown now: snoozed, or in quiet hours. */
export function isQuiet(settings: NotifySettings, now: number, localMinuteOfDay: number): boolean {
  return isSnoozed(settings, now) || inQuietHours(settings, localMinuteOfDay);
}

/** "HH:MM" (validated by the settings schema) to minutes after midnight. */
export function parseClock(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

// A caller's off-by-a-day arithmetic (1440, -1) must not make every window test false.
function normalizeMinute(minute: number): number {
  return ((Math.floor(minute) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}
