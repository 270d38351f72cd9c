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
