import { useState } from 'react';
import type { AppSettingsPatch } from '../../../../shared/api';
import { updateLine } from '../../../../shared/update/update-status';
import { useApi } from '../../api/api-context';
import { clockTime } from '../../../../shared/format';
import { useStatusStore } from '../../state/useStatusStore';
import { SettingsError } from './SettingsError';

interface Props {
  autoUpdate: boolean;
  saving: boolean;
  onSave: (patch: AppSettingsPatch) => Promise<boolean>;
}

/** "Update automatically", where the update stands in words, and "Check now". */
export function UpdateGroup({ autoUpdate, saving, onSave }: Props) {
  const update = useStatusStore((s) => s.update);
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const act = (action: 'install' | 'check') => {
    setError(null);
    api.call('appUpdate', { action }).catch((e: Error) => setError(e.message));
  };
  const busy = update?.phase === 'checking' || update?.phase === 'downloading';
  const line = update ? (updateLine(update) ?? (update.checkedAt === null ? 'Not checked yet' : `Up to date (checked ${clockTime(update.checkedAt)})`)) : 'Updates come with an installed build; this one runs from source.';
  return (
    <div className="settings-group">
      <h3>Updates</h3>
      <label className="settings-choice">
        <input type="checkbox" checked={autoUpdate} disabled={saving} onChange={(e) => void onSave({ autoUpdate: e.currentTarget.checked })} />
        Update automatically
      </label>
      <p className="settings-hint">Checks when the app starts and every 6 hours, and downloads in the background. Nothing installs until you restart.</p>
      <div className="settings-row">
        <p className={update?.phase === 'failed' ? 'settings-error settings-grow' : 'settings-grow'} role="status">
          {line}
        </p>
        {update?.phase === 'ready' ? (
          <button type="button" className="settings-button" onClick={() => act('install')}>
            Restart now
          </button>
        ) : (
          <button type="button" className="settings-button" disabled={!update || busy} onClick={() => act('check')}>
            Check now
          </button>
        )}
      </div>
      <SettingsError message={error ?? (update?.phase === 'ready' && update.error ? `Could not install: ${update.error}` : null)} />
    </div>
  );
}
