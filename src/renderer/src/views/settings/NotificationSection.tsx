import { useState } from 'react';
import type { NotifySettings } from '../../../../shared/notify-settings';
import { useNow } from '../../state/useNow';
import { CLOCK_TIME, snoozeLabel } from './clock';

const DEFAULT_QUIET = { start: '22:00', end: '07:00' };

interface Props {
  settings: NotifySettings;
  error: string | null;
  onChange: (patch: Partial<NotifySettings>) => void;
}

export function NotificationSection({ settings, error, onChange }: Props) {
  const now = useNow(15_000);
  // The last hours chosen, kept while quiet hours are off so turning them back on restores them.
  const [hours, setHours] = useState(settings.quietHours ?? DEFAULT_QUIET);
  const quiet = settings.quietHours;
  const shown = quiet ?? hours;

  const setTime = (which: 'start' | 'end', value: string) => {
    const next = { ...shown, [which]: value };
    setHours(next);
    if (quiet && CLOCK_TIME.test(value)) onChange({ quietHours: next });
  };

  return (
    <section className="settings-section" aria-labelledby="settings-notify-heading">
      <h2 id="settings-notify-heading">Notifications</h2>
      {error && (
        <p className="settings-error" role="alert">
          {error}
        </p>
      )}
      <fieldset className="settings-group">
        <legend>Notify me about</legend>
        <label className="settings-choice">
          <input type="radio" name="notify-scope" value="mine" checked={settings.scope === 'mine'} onChange={() => onChange({ scope: 'mine' })} />
          My sessions
        </label>
        <label className="settings-choice">
          <input type="radio" name="notify-scope" value="all" checked={settings.scope === 'all'} onChange={() => onChange({ scope: 'all' })} />
          Everyone's sessions
        </label>
      </fieldset>
      <label className="settings-choice">
        <input type="checkbox" checked={settings.failures} onChange={(e) => onChange({ failures: e.currentTarget.checked })} />
        Also notify when a session fails
      </label>
      <div className="settings-group">
        <label className="settings-choice">
          <input type="checkbox" checked={quiet !== null} onChange={(e) => onChange({ quietHours: e.currentTarget.checked ? hours : null })} aria-describedby="settings-quiet-hint" />
          Quiet hours
        </label>
        <div className="settings-row settings-indent">
          <label className="settings-field-inline">
            From
            <input type="time" value={shown.start} disabled={quiet === null} onChange={(e) => setTime('start', e.currentTarget.value)} />
          </label>
          <label className="settings-field-inline">
            To
            <input type="time" value={shown.end} disabled={quiet === null} onChange={(e) => setTime('end', e.currentTarget.value)} />
          </label>
        </div>
        <p id="settings-quiet-hint" className="settings-hint settings-indent">
          No notifications between these times, local time; they may span midnight.
        </p>
      </div>
      {settings.snoozedUntil !== null && settings.snoozedUntil > now && (
        <div className="settings-row settings-snooze">
          <p>Snoozed until {snoozeLabel(settings.snoozedUntil, now)}</p>
          <button type="button" className="settings-button" onClick={() => onChange({ snoozedUntil: null })}>
            Resume notifications
          </button>
        </div>
      )}
    </section>
  );
}
