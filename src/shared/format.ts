/** "just now", "4 min ago", "3 h ago", "2 d ago": short enough for a tray row. */
export function relativeTime(then: number, now: number): string {
  const s = Math.round((now - then) / 1000);
  if (s < 45) return s < -45 ? 'in the future' : 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return `${Math.round(h / 24)} d ago`;
}

/** Cuts text to `max` characters with an ellipsis, for titles in narrow places. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "10:42" in the person's own time. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** "4 s", "2 min", "1 h 5 min": how long until or since, for waits and retries. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** Words for a status chip: "Running", "Waiting", "Approval needed" (status never by colour alone). */
export function statusWords(status: string, hasCheckpoint: boolean): string {
  if (hasCheckpoint) return 'Approval needed';
  const text = status.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
