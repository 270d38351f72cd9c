import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ProfilePatch, ProfileSettings, ProfileStatus } from '../../../../../shared/api';
import { checkBackendUrl } from '../../../../../shared/backend-url';
import type { AppSettingsCall } from '../useSettingsData';
import { ProfileField, SaveOutcome } from './ProfileField';
import { shownName, tenantName } from './profileNames';

interface Props {
  profile: ProfileSettings;
  status: ProfileStatus | undefined;
  saving: boolean;
  change: AppSettingsCall;
}

/**
 * A profile's name, backend and token, saved together: only what changed is sent. The token goes
 * in, never out: the field starts empty and is cleared once saved. An empty name hands the label
 * back to the tenant's own. A refusal is said here and the drafts stay, so nothing typed is lost.
 */
export function ProfileDetailsForm({ profile, status, saving, change }: Props) {
  const id = useId();
  const [name, setName] = useState(profile.name ?? '');
  const [url, setUrl] = useState(profile.backendUrl);
  const [token, setToken] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  // What is saved wins when it changes (a reply, another window): the fields show what the core holds.
  useEffect(() => setName(profile.name ?? ''), [profile.name]);
  useEffect(() => setUrl(profile.backendUrl), [profile.backendUrl]);

  const patch: Omit<ProfilePatch, 'id'> = {
    ...(name.trim() !== (profile.name ?? '') ? { name: name.trim() || null } : {}),
    ...(url.trim() !== profile.backendUrl ? { backendUrl: url.trim() } : {}),
    ...(token.trim() !== '' ? { token: token.trim() } : {}),
  };
  const changed = Object.keys(patch).length > 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!changed || saving) return;
    const sent = { ...patch };
    if (sent.backendUrl !== undefined) {
      const check = checkBackendUrl(sent.backendUrl);
      if (!check.ok) return setInvalid(check.message);
      sent.backendUrl = check.url;
    }
    setInvalid(null);
    setOutcome(null);
    const refused = await change('updateProfile', { id: profile.id, ...sent });
    if (refused !== null) return setOutcome({ ok: false, text: refused });
    setToken('');
    setOutcome({ ok: true, text: 'Saved' });
  };

  /** A draft changed: the last "Saved" or refusal no longer speaks for what is in the fields. */
  const edited = (set: (v: string) => void, value: string) => {
    set(value);
    setOutcome(null);
  };

  return (
    <form className="profiles-details" onSubmit={submit} noValidate>
      <ProfileField formId={id} kind="name" label="Name" value={name} onChange={(v) => edited(setName, v)} placeholder={tenantName(profile, status)} hint="Empty: the name the tenant goes by." />
      <ProfileField
        formId={id}
        kind="url"
        label="Backend URL"
        value={url}
        error={invalid}
        onChange={(v) => {
          edited(setUrl, v);
          setInvalid(null);
        }}
      />
      <ProfileField
        formId={id}
        kind="token"
        label={profile.hasToken ? 'Replace token' : 'Sign-in token'}
        value={token}
        onChange={(v) => edited(setToken, v)}
        hint={profile.hasToken ? 'A token is saved; it is never shown.' : 'No token: this profile cannot sign in.'}
      />
      <div className="settings-row profiles-save">
        {/* aria-disabled: a button disabled under the keyboard as it saves would drop focus. */}
        <button type="submit" className="settings-button" aria-disabled={saving || !changed}>
          Save changes<span className="visually-hidden"> to {shownName(profile, status)}</span>
        </button>
        <SaveOutcome outcome={outcome} />
      </div>
    </form>
  );
}
