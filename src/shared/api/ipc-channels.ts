// No imports here: the sandboxed preload bundles this file, and Electron's sandbox lets a preload
// require nothing but `electron`, `events`, `timers` and `url` (docs/tutorial/sandbox.md).

/**
 * The Electron transport of the renderer API: its channels, prefixed so no other message can be
 * mistaken for ours. Requests go through `call` (the method and its parameters, validated in main
 * against API_METHODS); the view, transcripts and routes are pushed on their own channels.
 */
export const IPC = {
  call: 'parrot-tray:call',
  subscribe: 'parrot-tray:subscribe',
  view: 'parrot-tray:view',
  transcript: 'parrot-tray:transcript',
  /** Main asks the page to show a place (a notification click, a discoparrot:// link, the tray menu). */
  navigate: 'parrot-tray:navigate',
  /**
   * The page is listening for `navigate`. Electron drops a message sent to a page that is still
   * loading, so main holds a route until this arrives (a deep link or a tray item at startup).
   */
  navigateReady: 'parrot-tray:navigate-ready',
} as const;
export type IpcChannel = (typeof IPC)[keyof typeof IPC];
