import type { ParrotApi } from '../../../shared/api';
import { createWebApi } from './web-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web preview. */
    parrotTray?: ParrotApi;
  }
}

export type Transport = 'ipc' | 'web';

/**
 * The app's page without its bridge: the preload failed to load (in Electron's sandbox it throws
 * on any `require` but electron's own), so nothing can reach main. Said to the person, never
 * papered over with the web preview's transport, which the app's CSP blocks anyway.
 */
export class BridgeMissingError extends Error {
  constructor() {
    super('Parrot Tray could not connect this window to the app: its bridge (the preload script) did not load.');
    this.name = 'BridgeMissingError';
  }
}

/** The one place that knows two transports exist; everything else sees a ParrotApi. */
export function resolveApi(transport: Transport, host: Pick<Window, 'parrotTray' | 'location'>): ParrotApi {
  if (transport === 'web') return createWebApi(host.location);
  if (!host.parrotTray) throw new BridgeMissingError();
  return host.parrotTray;
}
