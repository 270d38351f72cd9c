// Versions Electron reports: its own from node_modules/electron (what the app is built against),
// the app's name/version from the app's package.json (docs/api/app.md getName/getVersion).
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
export const ELECTRON_VERSION = require('electron/package.json').version;
