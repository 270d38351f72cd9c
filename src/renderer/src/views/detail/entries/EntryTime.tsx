import { clockTime } from '../../../../../shared/format';

/** "10:42" in the person's own time, the full date on hover. */
export function EntryTime({ at }: { at: string }) {
  const t = Date.parse(at);
  return (
    <time className="entry-time" dateTime={at} title={new Date(t).toLocaleString()}>
      {clockTime(t)}
    </time>
  );
}
