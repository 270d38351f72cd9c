import type { ProfileSettings, ProfileStatus } from '../../../../../shared/api';
import { profileColor } from '../../../../../shared/profiles/profile-fields';

/** A backend URL's host, the last resort for a name: what the core itself shows before `hello`. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/**
 * What Settings calls a profile: the person's name for it, else what the core shows (the tenant's
 * name once its backend said hello), else the backend's host.
 */
export function shownName(profile: ProfileSettings, status: ProfileStatus | undefined): string {
  return profile.name ?? status?.name ?? hostOf(profile.backendUrl);
}

/**
 * The name the tenant goes by when the person gives none: the name field's placeholder. The core
 * reports the person's own name while there is one, so that stands in until it is cleared.
 */
export function tenantName(profile: ProfileSettings, status: ProfileStatus | undefined): string {
  return status?.name ?? hostOf(profile.backendUrl);
}

/** The label colour in use: the chosen one (the reply to a change comes before the status does), else the core's pick. */
export const shownColor = (profile: ProfileSettings, status: ProfileStatus | undefined): string => profile.color ?? status?.color ?? profileColor(profile.id, null);
