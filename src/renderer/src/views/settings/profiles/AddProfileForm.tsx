import { useId, useState, type FormEvent } from 'react';
import { checkBackendUrl } from '../../../../../shared/backend-url';
import type { AppSettingsCall } from '../useSettingsData';
import { hostOf } from './profileNames';

interface Props {
  saving: boolean;
  change: AppSettingsCall;
}

type Field = 'url' | 'token';

/**
 * "Add a profile": a name (optional: the tenant's own is shown), a backend URL and its token. The
 * URL is checked here first, so a typo never sends a token in clear; the core's refusal is said in
 * its words, and every field keeps what was typed until the profile is added.
 */
export function AddProfileForm({ saving, change }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState<{ field: Field; text: string } | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setOutcome(null);
    const check = url.trim() === '' ? ({ ok: false, message: 'a profile needs a backend URL' } as const) : checkBackendUrl(url);
    if (!check.ok) return setInvalid({ field: 'url', text: check.message });
    if (token.trim() === '') return setInvalid({ field: 'token', text: 'a profile needs its sign-in token' });
    setInvalid(null);
    const refused = await change('addProfile', { backendUrl: check.url, token: token.trim(), ...(name.trim() ? { name: name.trim() } : {}) });
    if (refused !== null) return setOutcome({ ok: false, text: `Couldn't add the profile: ${refused}` });
    setOutcome({ ok: true, text: `Added ${name.trim() || hostOf(check.url)}` });
    setName('');
    setUrl('');
    setToken('');
  };

  const error = (field: Field) => (invalid?.field === field ? `${id}-${field}-error` : undefined);

  return (
    <form className="settings-group profiles-add" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Add a profile</h3>
      <label className="settings-field" htmlFor={`${id}-name`}>
        Name (optional)
      </label>
      <input id={`${id}-name`} className="settings-input profiles-input" type="text" autoComplete="off" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <label className="settings-field" htmlFor={`${id}-url`}>
        Backend URL
      </label>
      <input
        id={`${id}-url`}
        className="settings-input profiles-input"
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder="wss://…"
        aria-invalid={invalid?.field === 'url'}
        aria-describedby={error('url')}
        value={url}
        onChange={(e) => {
          setUrl(e.currentTarget.value);
          if (invalid?.field === 'url') setInvalid(null);
        }}
      />
      {invalid?.field === 'url' && <FieldError id={error('url')!} text={invalid.text} />}
      <label className="settings-field" htmlFor={`${id}-token`}>
        Sign-in token
      </label>
      <input
        id={`${id}-token`}
        className="settings-input profiles-input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid?.field === 'token'}
        aria-describedby={error('token')}
        value={token}
        onChange={(e) => {
          setToken(e.currentTarget.value);
          if (invalid?.field === 'token') setInvalid(null);
        }}
      />
      {invalid?.field === 'token' && <FieldError id={error('token')!} text={invalid.text} />}
      <div className="settings-row profiles-save">
        <button type="submit" className="settings-button" aria-disabled={saving}>
          Add profile
        </button>
        {outcome && (
          <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'settings-hint' : 'settings-error'}>
            {outcome.text}
          </p>
        )}
      </div>
    </form>
  );
}

function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="settings-error" role="alert">
      {text}
    </p>
  );
}
