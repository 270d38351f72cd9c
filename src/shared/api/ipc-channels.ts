/**
 * The Electron transport of the renderer API: four channels, prefixed so no other message can be
 * mistaken for ours. Requests go through `call` (the method and its parameters, validated in main
 * against API_METHODS); the view and transcripts are pushed on their own channels.
 */
export const IPC = {
  call: 'parrot-tray:call',
  subscribe: 'parrot-tray:subscribe',
  view: 'parrot-tray:view',
  transcript: 'parrot-tray:transcript',
  /** Main asks the page to show a place (a notification click, a discoparrot:// link, the tray menu). */
  navigate: 'parrot-tray:navigate',
} as const;
export type IpcChannel = (typeof IPC)[keyof typeof IPC];
