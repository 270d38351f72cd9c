import { useState, type FormEvent } from 'react';
import type { AppSettings, AppSettingsPatch } from '../../../../shared/api';

interface Props {
  settings: AppSettings;
  saving: boolean;
  onSave: (patch: AppSettingsPatch) => Promise<boolean>;
}

/** The sign-in token goes in, never out: the field starts empty and is cleared once saved. */
export function TokenField({ settings, saving, onSave }: Props) {
  const [draft, setDraft] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const token = draft.trim();
    if (token === '') return;
    if (await onSave({ token })) setDraft('');
  };

  return (
    <form className="settings-group" onSubmit={submit} aria-labelledby="settings-token-heading">
      <h3 id="settings-token-heading">Sign-in</h3>
      <label className="settings-field" htmlFor="settings-token">
        Sign-in token
      </label>
      <div className="settings-row">
        <input
          id="settings-token"
          className="settings-input settings-grow"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          aria-describedby="settings-token-state"
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" className="settings-button" disabled={saving || draft.trim() === ''}>
          Save
        </button>
      </div>
      <div className="settings-row">
        <p id="settings-token-state" className="settings-hint">
          {settings.hasToken ? 'A token is saved' : 'No token'}
        </p>
        {settings.hasToken && (
          <button type="button" className="settings-link" disabled={saving} onClick={() => void onSave({ token: null })}>
            Remove token
          </button>
        )}
      </div>
      {settings.tokenWarning && (
        <p className="settings-notice" role="note">
          {settings.tokenWarning}
        </p>
      )}
      {settings.canAcceptPlain && (
        <label className="settings-choice">
          <input type="checkbox" checked={settings.tokenStorage === 'plain'} disabled={saving} onChange={(e) => void onSave({ acceptPlainStorage: e.currentTarget.checked })} />
          Store the token anyway (obfuscated, not encrypted)
        </label>
      )}
    </form>
  );
}
