import { ConnectionStatus } from '../../components/ConnectionStatus';
import { useUiStore } from '../../state/useUiStore';
import { DesktopSection } from './DesktopSection';
import { NotificationSection } from './NotificationSection';
import { ProfilesSection } from './profiles/ProfilesSection';
import { useAppSettings, useNotifySettings } from './useSettingsData';
import '../../styles/settings.css';

/**
 * Notification settings everywhere; the desktop app's own (profiles, start-up, theme) only when
 * the desktop app answers for them, which the web preview does not.
 */
export function SettingsPage() {
  const notify = useNotifySettings();
  const app = useAppSettings();
  const loading = notify.state.status === 'loading' || app.state.status === 'loading';

  return (
    <main className="settings-page" aria-labelledby="settings-heading" aria-busy={loading}>
      <header className="settings-header">
        <button type="button" className="settings-back" onClick={() => useUiStore.getState().back()}>
          <span aria-hidden="true">← </span>Back
        </button>
        <h1 id="settings-heading">Settings</h1>
        <ConnectionStatus className="settings-connection" />
      </header>
      {loading ? (
        <p className="settings-state" role="status">
          Loading settings…
        </p>
      ) : (
        <div className="settings-body">
          {notify.state.status === 'ready' ? (
            <NotificationSection settings={notify.state.value} error={notify.error} onChange={(patch) => void notify.update(patch)} onUnmute={(flow, from) => void notify.unmute(flow, from)} />
          ) : (
            notify.state.status === 'error' && (
              <p className="settings-error" role="alert">
                Could not load the notification settings: {notify.state.message}
              </p>
            )
          )}
          {app.state.status === 'ready' && app.state.value !== null && <ProfilesSection settings={app.state.value} saving={app.saving} change={app.change} />}
          {app.state.status === 'ready' && app.state.value !== null && <DesktopSection settings={app.state.value} error={app.error} saving={app.saving} onSave={app.update} />}
          {app.state.status === 'ready' && app.state.value === null && <p className="settings-note">The backend, sign-in and start-up settings are managed by the desktop app.</p>}
          {app.state.status === 'error' && (
            <p className="settings-error" role="alert">
              Could not load the desktop app's settings: {app.state.message}
            </p>
          )}
        </div>
      )}
    </main>
  );
}
