// The `electron` module of a utility process: lib/utility/api/module-list.ts gives it `net` and
// `systemPreferences` only (docs/api/net.md and system-preferences.md say "Process: Main,
// Utility"). Importing anything else fails at link time ("does not provide an export named …");
// through require() an unmodelled member fails by name.
import { guard } from '../electron/guard.mjs';

// The main process's net.isOnline() when this child was forked (the --import URL carries it).
const registerUrl = process.execArgv.find((a) => a.includes('/utility/register.mjs'));
const online = registerUrl ? new URL(registerUrl).searchParams.get('online') !== '0' : true;
const isOnline = () => online;

// lib/utility/api/net.ts: request/fetch/resolveHost/isOnline/online. fetch is Node's (no session,
// no Chromium proxy resolution); request and resolveHost are not modelled.
export const net = guard('net', {
  isOnline,
  get online() { return isOnline(); },
  fetch: (...args) => fetch(...args),
});
// On Linux systemPreferences has nothing the stand-in models; any member fails by name.
export const systemPreferences = guard('systemPreferences', {});

const electron = guard('electron', { net, systemPreferences });
globalThis[Symbol.for('electron-standin.utility')] = electron;
export default electron;
