import { useEffect, useId, useRef, useState } from 'react';
import type { ProfileSettings, ProfileStatus } from '../../../../../shared/api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ProfileChip } from '../../../components/ProfileChip';
import type { AppSettingsCall } from '../useSettingsData';
import { ProfileDetailsForm } from './ProfileDetailsForm';
import { ProfileOptions } from './ProfileOptions';
import { shownColor, shownName } from './profileNames';
import { SettingsError } from '../SettingsError';

interface Props {
  profile: ProfileSettings;
  /** What the core reports for it (its name from the tenant, its colour); missing until it has started. */
  status: ProfileStatus | undefined;
  index: number;
  count: number;
  saving: boolean;
  change: AppSettingsCall;
  /** It is gone: focus goes somewhere that still exists. */
  onRemoved: () => void;
}

type Move = 'up' | 'down';

/** One profile in Settings: its label, what it connects to, how it notifies, its place, and its removal. */
export function ProfileItem({ profile, status, index, count, saving, change, onRemoved }: Props) {
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const moved = useRef<HTMLButtonElement | null>(null);
  const backToRemove = useRef(false);
  const name = shownName(profile, status);

  useEffect(() => {
    // A moved item's buttons move with it, and a browser drops focus from a node it moves: the
    // button pressed gets it back, so "Move up" can be pressed again and again.
    if (moved.current && document.activeElement !== moved.current) moved.current.focus();
    moved.current = null;
  }, [index]);

  useEffect(() => {
    // Only once the modal is gone: until then the page behind it is inert.
    if (confirming || !backToRemove.current) return;
    backToRemove.current = false;
    removeButton.current?.focus();
  }, [confirming]);

  const move = async (to: Move, button: HTMLButtonElement) => {
    const target = to === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= count) return;
    moved.current = button;
    setError(await change('moveProfile', { id: profile.id, index: target }));
  };

  const remove = async () => {
    // Focus waits on Remove while the request is out, and stays there if it is refused.
    setConfirming(false);
    const refused = await change('removeProfile', { id: profile.id });
    if (refused === null) onRemoved();
    else setError(refused);
  };

  const moveButton = (to: Move) => {
    const blocked = to === 'up' ? index === 0 : index === count - 1;
    return (
      <button
        type="button"
        className="btn"
        data-move={to}
        // aria-disabled, not disabled: at the end of the list the button keeps focus it just had.
        aria-disabled={blocked || saving}
        onClick={(e) => !blocked && !saving && void move(to, e.currentTarget)}
      >
        {to === 'up' ? 'Move up' : 'Move down'}
        <span className="visually-hidden"> {name}</span>
      </button>
    );
  };

  return (
    <li className="profiles-item" aria-labelledby={headingId} data-profile-id={profile.id}>
      <h3 id={headingId} className="profiles-item-heading">
        <ProfileChip profile={{ name, color: shownColor(profile, status) }} />
      </h3>
      <ProfileDetailsForm profile={profile} status={status} saving={saving} change={change} />
      <ProfileOptions profile={profile} status={status} change={change} onError={setError} />
      <div className="profiles-item-actions" role="group" aria-label={`Order and removal of ${name}`}>
        {moveButton('up')}
        {moveButton('down')}
        <button
          ref={removeButton}
          type="button"
          className="btn btn-danger-quiet"
          aria-disabled={saving}
          onClick={() => {
            if (saving) return;
            backToRemove.current = true;
            setConfirming(true);
          }}
        >
          Remove<span className="visually-hidden"> {name}</span>
        </button>
      </div>
      <SettingsError message={error} />
      {confirming && (
        <ConfirmDialog
          heading={`Remove ${name}?`}
          body="Its token and its cached sessions are deleted from this computer."
          confirmLabel="Remove"
          keepLabel="Cancel"
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
