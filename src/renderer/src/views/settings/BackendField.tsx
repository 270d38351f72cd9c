import { useState, type FormEvent } from 'react';
import { checkBackendUrl } from '../../../../shared/backend-url';
import type { AppSettingsPatch } from '../../../../shared/api';

interface Props {
  backendUrl: string | null;
  saving: boolean;
  onSave: (patch: AppSettingsPatch) => Promise<boolean>;
}

/** The backend's URL, checked here before it is sent; empty means the demo backend. */
export function BackendField({ backendUrl, saving, onSave }: Props) {
  const [draft, setDraft] = useState(backendUrl ?? '');
  const [invalid, setInvalid] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const raw = draft.trim();
    if (raw === '') {
      setInvalid(null);
      await onSave({ backendUrl: null });
      return;
    }
    const check = checkBackendUrl(raw);
    if (!check.ok) {
      setInvalid(check.message);
      return;
    }
    setInvalid(null);
    if (await onSave({ backendUrl: check.url })) setDraft(check.url);
  };

  return (
    <form className="settings-group" onSubmit={submit} aria-labelledby="settings-backend-heading" noValidate>
      <h3 id="settings-backend-heading">Backend</h3>
      <label className="settings-field" htmlFor="settings-backend-url">
        Backend URL
      </label>
      <div className="settings-row">
        <input
          id="settings-backend-url"
          className="settings-input settings-grow"
          type="url"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          placeholder="wss://…"
          value={draft}
          aria-invalid={invalid !== null}
          aria-describedby={invalid ? 'settings-backend-error settings-backend-hint' : 'settings-backend-hint'}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            if (invalid) setInvalid(null);
          }}
        />
        <button type="submit" className="settings-button" disabled={saving}>
          Save
        </button>
      </div>
      {invalid && (
        <p id="settings-backend-error" className="settings-error" role="alert">
          {invalid}
        </p>
      )}
      <p id="settings-backend-hint" className="settings-hint">
        {backendUrl === null ? 'Empty: the built-in demo backend runs. ' : ''}A new backend reconnects the app.
      </p>
    </form>
  );
}
