import type { ParrotApi } from '../../../shared/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web preview. */
    parrotTray?: ParrotApi;
  }
}

/**
 * The app's page without its bridge: the preload failed to load (in Electron's sandbox it throws
 * on any `require` but electron's own), so nothing can reach main. Said to the person, never
 * papered over with the web preview's transport, which the app's bundle does not even carry.
 */
export class BridgeMissingError extends Error {
  constructor() {
    super('Parrot Tray could not connect this window to the app: its bridge (the preload script) did not load.');
    this.name = 'BridgeMissingError';
  }
}

/** The app's transport: the preload's bridge, or an error the person reads. */
export function bridgeApi(host: Pick<Window, 'parrotTray'>): ParrotApi {
  if (!host.parrotTray) throw new BridgeMissingError();
  return host.parrotTray;
}
