import { relativeTime } from '../../../shared/format';

/** "4 min ago", with the exact time on hover and for screen readers. */
export function RelativeTime({ at, now }: { at: string; now: number }) {
  const t = Date.parse(at);
  return (
    <time dateTime={at} title={new Date(t).toLocaleString()}>
      {relativeTime(t, now)}
    </time>
  );
}
