import { useState } from 'react';
import type { NotifySettings } from '../../../../shared/notify-settings';
import { useNow } from '../../state/useNow';
import { CLOCK_TIME, snoozeLabel } from './clock';
import { MutedFlows } from './MutedFlows';
import { SettingsError } from './SettingsError';

const DEFAULT_QUIET = { start: '22:00', end: '07:00' };
const NEVER = 'never';
/** The reminder choices offered; a value set elsewhere (the API takes any minute count) is shown as well. */
const REMINDER_MINUTES = [15, 30, 60, 120];

function minutesLabel(m: number): string {
  if (m % 60 !== 0) return `${m} min`;
  return m === 60 ? '1 hour' : `${m / 60} hours`;
}

interface Props {
  settings: NotifySettings;
  error: string | null;
  onChange: (patch: Partial<NotifySettings>) => void;
  onUnmute: (flow: NotifySettings['mutedFlows'][number], from: NotifySettings['mutedFlows']) => void;
}

export function NotificationSection({ settings, error, onChange, onUnmute }: Props) {
  const now = useNow(15_000);
  // The last hours chosen, kept while quiet hours are off so turning them back on restores them.
  const [hours, setHours] = useState(settings.quietHours ?? DEFAULT_QUIET);
  const quiet = settings.quietHours;
  const shown = quiet ?? hours;

  const reminderChoices = settings.reminderMinutes === null || REMINDER_MINUTES.includes(settings.reminderMinutes)
    ? REMINDER_MINUTES
    : [...REMINDER_MINUTES, settings.reminderMinutes].sort((a, b) => a - b);

  const setTime = (which: 'start' | 'end', value: string) => {
    const next = { ...shown, [which]: value };
    setHours(next);
    if (quiet && CLOCK_TIME.test(value)) onChange({ quietHours: next });
  };

  return (
    <section className="settings-section" aria-labelledby="settings-notify-heading">
      <h2 id="settings-notify-heading">Notifications</h2>
      <SettingsError message={error} />
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
      <label className="settings-choice">
        <input type="checkbox" checked={settings.followUps} onChange={(e) => onChange({ followUps: e.currentTarget.checked })} aria-describedby="settings-follow-up-hint" />
        Follow up on runs I approve
      </label>
      <p id="settings-follow-up-hint" className="settings-hint settings-indent">
        One notification when the run finishes or fails.
      </p>
      <div className="settings-group">
        <label className="settings-field-inline">
          Remind me of a waiting approval after
          <select
            className="settings-input"
            value={settings.reminderMinutes === null ? NEVER : String(settings.reminderMinutes)}
            onChange={(e) => onChange({ reminderMinutes: e.currentTarget.value === NEVER ? null : Number(e.currentTarget.value) })}
          >
            {reminderChoices.map((m) => (
              <option key={m} value={String(m)}>
                {minutesLabel(m)}
              </option>
            ))}
            <option value={NEVER}>Never</option>
          </select>
        </label>
      </div>
      <label className="settings-choice">
        <input type="checkbox" checked={settings.sound} onChange={(e) => onChange({ sound: e.currentTarget.checked })} />
        Play a sound for approvals and reminders
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
      <MutedFlows flows={settings.mutedFlows} onUnmute={onUnmute} />
    </section>
  );
}
