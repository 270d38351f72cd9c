const pad = (n: number) => String(n).padStart(2, '0');

/** "14:00" today, "Tue 3 Jun, 14:00" on another day; local time. */
export function snoozeLabel(until: number, now: number): string {
  const at = new Date(until);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (at.toDateString() === new Date(now).toDateString()) return time;
  return `${at.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })}, ${time}`;
}

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
