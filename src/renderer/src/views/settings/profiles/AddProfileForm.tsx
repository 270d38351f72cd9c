import { useId, useState, type FormEvent } from 'react';
import { checkBackendUrl } from '../../../../../shared/backend-url';
import type { AppSettingsCall } from '../useSettingsData';
import { ProfileField, SaveOutcome } from './ProfileField';
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

  const fieldError = (field: Field) => (invalid?.field === field ? invalid.text : null);

  return (
    <form className="settings-group profiles-add" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Add a profile</h3>
      <ProfileField formId={id} kind="name" label="Name (optional)" value={name} onChange={setName} />
      <ProfileField
        formId={id}
        kind="url"
        label="Backend URL"
        value={url}
        error={fieldError('url')}
        onChange={(v) => {
          setUrl(v);
          if (invalid?.field === 'url') setInvalid(null);
        }}
      />
      <ProfileField
        formId={id}
        kind="token"
        label="Sign-in token"
        value={token}
        error={fieldError('token')}
        onChange={(v) => {
          setToken(v);
          if (invalid?.field === 'token') setInvalid(null);
        }}
      />
      <div className="settings-row profiles-save">
        <button type="submit" className="settings-button" aria-disabled={saving}>
          Add profile
        </button>
        <SaveOutcome outcome={outcome} />
      </div>
    </form>
  );
}
