import { useRef } from 'react';
import type { AppSettings } from '../../../../../shared/api';
import { useStatusStore } from '../../../state/useStatusStore';
import type { AppSettingsCall } from '../useSettingsData';
import { AddProfileForm } from './AddProfileForm';
import { ProfileItem } from './ProfileItem';
import { TokenStorage } from './TokenStorage';
import '../../../styles/profiles.css';

interface Props {
  settings: AppSettings;
  saving: boolean;
  change: AppSettingsCall;
}

/**
 * The backends the app runs, in the person's order (every list and the tray follow it): each
 * one's name, backend, token, colour and notifications, its place, and the way to remove it;
 * then the way to add one. Where tokens are kept is the same for all, so it is said once, below.
 */
export function ProfilesSection({ settings, saving, change }: Props) {
  const statuses = useStatusStore((s) => s.profiles);
  const heading = useRef<HTMLHeadingElement>(null);
  const { profiles } = settings;

  return (
    <section className="settings-section" aria-labelledby="settings-profiles-heading">
      {/* Focusable so a removal has somewhere to leave focus: the removed profile's buttons are gone. */}
      <h2 id="settings-profiles-heading" ref={heading} tabIndex={-1}>
        Profiles
      </h2>
      {profiles.length === 0 ? (
        <p className="settings-hint profiles-empty">No backend yet: Parrot Tray shows demo data. Add a profile to connect to yours.</p>
      ) : (
        <ol className="profiles-list" aria-labelledby="settings-profiles-heading">
          {profiles.map((profile, index) => (
            <ProfileItem
              key={profile.id}
              profile={profile}
              status={statuses.find((s) => s.id === profile.id)}
              index={index}
              count={profiles.length}
              saving={saving}
              change={change}
              onRemoved={() => heading.current?.focus()}
            />
          ))}
        </ol>
      )}
      <AddProfileForm saving={saving} change={change} />
      <TokenStorage settings={settings} saving={saving} change={change} />
    </section>
  );
}
