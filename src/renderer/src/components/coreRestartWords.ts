import type { CoreRestart } from '../../../shared/api';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "Parrot Tray's background service stopped (exited with code 1) and was restarted at 10:42."
 * The time is local, with the day added when it was not today (`now` decides which day that is),
 * and a count when it has happened more than once, so a core that keeps failing does not read
 * like a one-off.
 */
export function coreRestartWords(restart: CoreRestart, now: number, locale?: string): string {
  const at = new Date(restart.at);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay = at.toDateString() === new Date(now).toDateString();
  const when = sameDay ? time : `${at.toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short' })}, ${time}`;
  const times = restart.count > 1 ? ` It has restarted ${restart.count.toLocaleString(locale)} times since Parrot Tray started.` : '';
  return `Parrot Tray's background service stopped (${restart.reason}) and was restarted at ${when}.${times}`;
}
