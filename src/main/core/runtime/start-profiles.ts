import { ProfileHub, type ProfileHubOptions } from '../profiles/profile-hub';
import type { ProfileSpec } from '../profiles/profile-member';

/**
 * The one core entry across profiles: the app's utility process and the CLI's web preview both
 * start here, one ProfileMember (startCore) per profile. One profile that cannot start (its cache
 * held by another process, say) is logged and left out; when none can, this throws the reasons,
 * since a core with nothing to show would only look broken.
 */
export async function startProfiles(specs: readonly ProfileSpec[], options: ProfileHubOptions): Promise<ProfileHub> {
  const hub = new ProfileHub(options);
  const failures = await hub.setProfiles(specs);
  if (specs.length > 0 && failures.length === specs.length) {
    await hub.close();
    throw new Error(failures.join('; '));
  }
  return hub;
}
