import type { ParrotApi } from '../../../shared/api';
import { createWebApi } from './web-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web preview. */
    parrotTray?: ParrotApi;
  }
}

/** The one place that knows two transports exist; everything else sees a ParrotApi. */
export function resolveApi(): ParrotApi {
  return window.parrotTray ?? createWebApi(window.location);
}
