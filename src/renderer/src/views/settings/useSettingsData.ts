import { useCallback, useEffect, useState } from 'react';
import type { ApiParams, AppSettings, AppSettingsPatch } from '../../../../shared/api';
import { NotifySettings } from '../../../../shared/notify-settings';
import { useApi } from '../../api/api-context';

/** The requests that answer with the whole AppSettings: Profiles' and the token storage's. */
export type AppSettingsMethod = 'updateAppSettings' | 'addProfile' | 'updateProfile' | 'removeProfile' | 'moveProfile';
/** Resolves null once applied (the reply is then shown), or the refusal in words, nothing changed. */
export type AppSettingsCall = <M extends AppSettingsMethod>(method: M, params: ApiParams<M>) => Promise<string | null>;

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'Something went wrong; nothing was changed.';
}

/** Notification settings: loaded once, each change sent alone, the reply shown. */
export function useNotifySettings() {
  const api = useApi();
  const [state, setState] = useState<Loaded<NotifySettings>>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('getSettings', {}).then(
      (value) => live && setState({ status: 'ready', value: value ?? NotifySettings.parse({}) }),
      (e: unknown) => live && setState({ status: 'error', message: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const update = useCallback(
    /** `send` is the request that makes the change: updateSettings, or one the core applies itself. */
    async (patch: Partial<NotifySettings>, send: () => Promise<NotifySettings> = () => api.call('updateSettings', patch)) => {
      setError(null);
      // Shown at once; the reply (or, on a refusal, the previous value) replaces it.
      let before: NotifySettings | null = null;
      setState((s) => {
        if (s.status !== 'ready') return s;
        before = s.value;
        return { status: 'ready', value: { ...s.value, ...patch } };
      });
      try {
        const value = await send();
        setState({ status: 'ready', value });
      } catch (e) {
        const previous = before;
        if (previous) setState({ status: 'ready', value: previous });
        setError(errorMessage(e));
      }
    },
    [api],
  );

  /** Unmute, done in the core (muteFlow) so a mute from another window meanwhile stays. */
  const unmute = useCallback(
    (flow: NotifySettings['mutedFlows'][number], all: NotifySettings['mutedFlows']) =>
      update({ mutedFlows: all.filter((f) => f.id !== flow.id) }, () => api.call('muteFlow', { flow, muted: false })),
    [api, update],
  );

  return { state, error, update, unmute };
}

/** The desktop app's settings; `null` once loaded means the web preview, which has none. */
export function useAppSettings() {
  const api = useApi();
  const [state, setState] = useState<Loaded<AppSettings | null>>({ status: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('getAppSettings', {}).then(
      (value) => live && setState({ status: 'ready', value: value ?? null }),
      (e: unknown) => live && setState({ status: 'error', message: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  /** Resolves true when the change was applied; a refusal's words go to `error`. */
  const update = useCallback(
    async (patch: AppSettingsPatch): Promise<boolean> => {
      setError(null);
      setSaving(true);
      try {
        const value = await api.call('updateAppSettings', patch);
        setState({ status: 'ready', value });
        return true;
      } catch (e) {
        setError(errorMessage(e));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [api],
  );

  /**
   * The same for Profiles: the refusal comes back to the control that asked, shown beside it,
   * rather than at the top of another section.
   */
  const change = useCallback<AppSettingsCall>(
    async (method, params) => {
      setSaving(true);
      try {
        const value: AppSettings = await api.call(method, params);
        setState({ status: 'ready', value });
        return null;
      } catch (e) {
        return errorMessage(e);
      } finally {
        setSaving(false);
      }
    },
    [api],
  );

  return { state, error, saving, update, change };
}
