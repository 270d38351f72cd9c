import { useState } from 'react';
import type { AppSettings } from '../../../../../shared/api';
import type { AppSettingsCall } from '../useSettingsData';
import { SettingsError } from '../SettingsError';

interface Props {
  settings: AppSettings;
  saving: boolean;
  change: AppSettingsCall;
}

/**
 * Where every profile's token is kept, said once for all of them: the warning when this computer
 * has no real keyring, and the choice to store tokens anyway where that is allowed.
 */
export function TokenStorage({ settings, saving, change }: Props) {
  const [error, setError] = useState<string | null>(null);
  if (!settings.tokenWarning && !settings.canAcceptPlain) return null;
  const accept = async (acceptPlainStorage: boolean) => setError(await change('updateAppSettings', { acceptPlainStorage }));
  return (
    <div className="settings-group">
      {settings.tokenWarning && (
        <p className="settings-notice" role="note">
          {settings.tokenWarning}
        </p>
      )}
      {settings.canAcceptPlain && (
        <label className="settings-choice">
          <input type="checkbox" checked={settings.tokenStorage === 'plain'} disabled={saving} onChange={(e) => void accept(e.currentTarget.checked)} />
          Store the token anyway (obfuscated, not encrypted)
        </label>
      )}
      <SettingsError message={error} />
    </div>
  );
}
