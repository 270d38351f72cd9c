import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ParrotApi } from '../../shared/api';
import { BridgeMissingError, bridgeApi } from './api/bridge-api';
import { createWebApi } from './api/web-api';
import { App } from './App';
import { primeQuery } from './state/primedQueries';
import { commandCenterQuery } from './views/popover/PopoverSection';
import { BridgeMissing } from './views/BridgeMissing';
import './styles/app.css';

/**
 * The one place that knows two transports exist. The choice is a build-time constant, so each
 * bundle carries only its own: the app's has no WebSocket client, the web preview's no bridge.
 */
function connect(): ParrotApi {
  return __PARROT_TRANSPORT__ === 'web' ? createWebApi(window.location) : bridgeApi(window);
}

function root(): ReactNode {
  try {
    const api = connect();
    // Every window starts on the popover: its rows are asked for before React's first render.
    primeQuery(api, commandCenterQuery());
    return <App api={api} />;
  } catch (error) {
    if (error instanceof BridgeMissingError) return <BridgeMissing message={error.message} />;
    throw error;
  }
}

createRoot(document.getElementById('root')!).render(<StrictMode>{root()}</StrictMode>);
