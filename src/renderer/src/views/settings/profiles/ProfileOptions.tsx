import { useEffect, useId, useRef, useState } from 'react';
import type { ProfileSettings, ProfileStatus } from '../../../../../shared/api';
import type { ProfileNotify } from '../../../../../shared/profiles/profile-fields';
import type { AppSettingsCall } from '../useSettingsData';
import { shownColor } from './profileNames';

interface Props {
  profile: ProfileSettings;
  status: ProfileStatus | undefined;
  change: AppSettingsCall;
  onError: (words: string | null) => void;
}

/** null (as in Notifications) has no <option> value of its own. */
const INHERIT = 'inherit';
const NOTIFY: ReadonlyArray<{ value: NonNullable<ProfileNotify> | typeof INHERIT; label: string }> = [
  { value: INHERIT, label: 'As in Notifications' },
  { value: 'mine', label: 'Mine' },
  { value: 'all', label: "Everyone's" },
  { value: 'off', label: 'Off' },
];

/**
 * A profile's label colour and whose approvals of it notify; each applies as soon as it is chosen.
 * Never disabled while a save is out: a control disabled under the keyboard drops its focus, and
 * the core takes each change on its own, so two in a row are safe.
 */
export function ProfileOptions({ profile, status, change, onError }: Props) {
  const id = useId();
  const colorInput = useRef<HTMLInputElement>(null);
  const color = shownColor(profile, status);
  // What the picker shows while it is open; the saved colour once it closes.
  const [draft, setDraft] = useState(color);
  useEffect(() => setDraft(color), [color]);

  const update = async (patch: { color?: string | null; notify?: ProfileNotify }) => onError(await change('updateProfile', { id: profile.id, ...patch }));

  useEffect(() => {
    // `change`, not React's onChange (which is `input`): a picker fires input on every step of a
    // drag, and each would be a save; change comes once, with the colour chosen. Attached anew each
    // render, so it compares with the colour saved now.
    const el = colorInput.current;
    if (!el) return;
    const chosen = () => {
      const value = el.value.toLowerCase();
      if (value !== (profile.color ?? '').toLowerCase()) void update({ color: value });
    };
    el.addEventListener('change', chosen);
    return () => el.removeEventListener('change', chosen);
  });

  return (
    <div className="settings-row profiles-options">
      <label className="settings-field-inline" htmlFor={`${id}-color`}>
        Label colour
      </label>
      <input id={`${id}-color`} ref={colorInput} className="profiles-color" type="color" value={draft} onChange={(e) => setDraft(e.currentTarget.value)} />
      {profile.color !== null && (
        <button type="button" className="settings-link" onClick={() => void update({ color: null })}>
          Default colour
        </button>
      )}
      <label className="settings-field-inline">
        Notifications
        <select
          className="settings-input"
          value={profile.notify ?? INHERIT}
          onChange={(e) => {
            const value = e.currentTarget.value;
            void update({ notify: value === INHERIT ? null : (value as NonNullable<ProfileNotify>) });
          }}
        >
          {NOTIFY.map((n) => (
            <option key={n.value} value={n.value}>
              {n.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
