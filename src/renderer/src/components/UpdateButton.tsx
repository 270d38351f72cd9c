import { useState } from 'react';
import { updateLine } from '../../../shared/update/update-status';
import { useApi } from '../api/api-context';
import { useStatusStore } from '../state/useStatusStore';

/**
 * "Restart to update to vX.Y.Z", once an update has downloaded: the app quits, installs and comes
 * back. Nothing while there is none, so the footer keeps its hint.
 */
export function UpdateButton() {
  const update = useStatusStore((s) => s.update);
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  if (update?.phase !== 'ready') return null;
  const install = () => api.call('appUpdate', { action: 'install' }).catch((e: Error) => setError(e.message));
  // Refused on the way (the call) or by the installer itself (the status): said, never a silent click.
  const refused = update.error ?? error;
  return (
    <>
      <button type="button" className="btn btn-primary update-button" onClick={() => void install()}>
        {updateLine(update)}
      </button>
      {refused && (
        <p className="update-error" role="alert">
          Could not update: {refused}
        </p>
      )}
    </>
  );
}
