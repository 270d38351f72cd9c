// No imports here: the sandboxed preload bundles this file, and Electron's sandbox lets a preload
// require nothing but `electron`, `events`, `timers` and `url` (docs/tutorial/sandbox.md).

/**
 * The Electron IPC of the app, prefixed so no other message can be mistaken for ours. IPC only
 * sets things up: the page asks for a MessagePort to the core (`connect`) and gets it on `port`
 * (again after every core restart); everything else (queries, calls, pushes) runs over that port
 * straight to the core's utility process, never through main. Routes stay on IPC: they are main's.
 */
export const IPC = {
  /** The page asks for a port to the core (ipcRenderer.send; main checks the sender). */
  connect: 'parrot-tray:connect',
  /** Main hands the page its port (webContents.postMessage with the port in the transfer list). */
  port: 'parrot-tray:port',
  /** Main asks the page to show a place (a notification click, a discoparrot:// link, the tray menu). */
  navigate: 'parrot-tray:navigate',
  /**
   * The page is listening for `navigate`. Electron drops a message sent to a page that is still
   * loading, so main holds a route until this arrives (a deep link or a tray item at startup).
   */
  navigateReady: 'parrot-tray:navigate-ready',
} as const;
export type IpcChannel = (typeof IPC)[keyof typeof IPC];
