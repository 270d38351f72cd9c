import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BridgeMissingError, resolveApi } from './api/resolve-api';
import { App } from './App';
import { BridgeMissing } from './views/BridgeMissing';
import './styles/app.css';

function root(): ReactNode {
  try {
    return <App api={resolveApi(__PARROT_TRANSPORT__, window)} />;
  } catch (error) {
    if (error instanceof BridgeMissingError) return <BridgeMissing message={error.message} />;
    throw error;
  }
}

createRoot(document.getElementById('root')!).render(<StrictMode>{root()}</StrictMode>);
