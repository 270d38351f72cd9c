import { useState, type FormEvent } from 'react';
import type { AppSettings, AppSettingsPatch } from '../../../../shared/api';
import { UpdateGroup } from './UpdateGroup';
import { SettingsError } from './SettingsError';

interface Props {
  settings: AppSettings;
  error: string | null;
  saving: boolean;
  onSave: (patch: AppSettingsPatch) => Promise<boolean>;
}

const THEMES: Array<{ value: AppSettings['theme']; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * The desktop app's own start-up and appearance; the reply to each save replaces what is shown.
 * Backends and their tokens are Profiles' (profiles/ProfilesSection).
 */
export function DesktopSection({ settings, error, saving, onSave }: Props) {
  return (
    <section className="settings-section" aria-labelledby="settings-desktop-heading">
      <h2 id="settings-desktop-heading">Desktop app</h2>
      <SettingsError message={error} />
      <div className="settings-group">
        <h3>Start-up and appearance</h3>
        <label className="settings-choice">
          <input type="checkbox" checked={settings.openAtLogin} disabled={saving} onChange={(e) => void onSave({ openAtLogin: e.currentTarget.checked })} />
          Open at login
        </label>
        <ShortcutField shortcut={settings.shortcut} shortcutError={settings.shortcutError} saving={saving} onSave={onSave} />
        <label className="settings-field" htmlFor="settings-theme">
          Theme
        </label>
        <select id="settings-theme" className="settings-input" value={settings.theme} disabled={saving} onChange={(e) => void onSave({ theme: e.currentTarget.value as AppSettings['theme'] })}>
          {THEMES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <UpdateGroup autoUpdate={settings.autoUpdate} saving={saving} onSave={onSave} />
    </section>
  );
}

function ShortcutField({ shortcut, shortcutError, saving, onSave }: { shortcut: string; shortcutError: string | null; saving: boolean; onSave: Props['onSave'] }) {
  const [draft, setDraft] = useState(shortcut);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = draft.trim();
    if (value === '') return;
    if (await onSave({ shortcut: value })) setDraft(value);
  };
  return (
    <form onSubmit={submit}>
      <label className="settings-field" htmlFor="settings-shortcut">
        Keyboard shortcut
      </label>
      <div className="settings-row">
        <input
          id="settings-shortcut"
          className="settings-input settings-grow"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="CommandOrControl+Shift+Space"
          value={draft}
          aria-invalid={shortcutError !== null}
          aria-describedby={shortcutError ? 'settings-shortcut-error settings-shortcut-hint' : 'settings-shortcut-hint'}
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" className="settings-button" disabled={saving || draft.trim() === ''}>
          Save
        </button>
      </div>
      {shortcutError && (
        <p id="settings-shortcut-error" className="settings-error" role="alert">
          {shortcutError}
        </p>
      )}
      <p id="settings-shortcut-hint" className="settings-hint">
        Opens the tray window from anywhere, for example CommandOrControl+Shift+Space.
      </p>
    </form>
  );
}
