// The Electron entry point: only wiring. Behaviour lives in src/main/shell and src/main/core.
import { startShell } from './shell/app';

startShell();
