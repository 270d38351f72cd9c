import type { ProfileStatus } from '../../../shared/api';
import '../styles/profile-chip.css';

/**
 * A profile's label: a dot in its colour and its name. The name carries it (read, and in the
 * normal text colour so it is legible in both themes); the dot only helps the eye, so it is hidden
 * from screen readers and held to no contrast. A long name is cut, whole in the tooltip.
 */
export function ProfileChip({ profile, className }: { profile: Pick<ProfileStatus, 'name' | 'color'>; className?: string }) {
  return (
    <span className={`profile-chip${className ? ` ${className}` : ''}`} title={profile.name} data-profile-chip="">
      <span className="profile-dot" style={{ background: profile.color }} aria-hidden="true" />
      <span className="visually-hidden">profile </span>
      <span className="profile-name">{profile.name}</span>
    </span>
  );
}

