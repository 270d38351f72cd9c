import type { ConnectionState } from './connection-state';
import { clockTime, duration } from './format';

export type ConnectionTone = 'ok' | 'busy' | 'offline' | 'action';

/**
 * The connection state in words for every view's status line: "Live"; "Offline, data as of 10:42"
 * with `wait` "reconnecting in 4 s"; "Sign-in needed"; "Update needed". The countdown is apart
 * from `text` so a screen reader can be told of the phase once, not of every second that passes.
 */
export function connectionWords(state: ConnectionState, now: number): { text: string; wait: string | null; tone: ConnectionTone } {
  switch (state.phase) {
    case 'live':
      return { text: 'Live', wait: null, tone: 'ok' };
    case 'connecting':
      return { text: state.offlineSince ? `Connecting… (offline, data as of ${clockTime(state.offlineSince)})` : 'Connecting…', wait: null, tone: 'busy' };
    case 'reconnecting':
      return {
        text: `Offline, data as of ${clockTime(state.offlineSince ?? now)}`,
        wait: state.nextTryAt ? `reconnecting in ${duration(state.nextTryAt - now)}` : null,
        tone: 'offline',
      };
    case 'signin-needed':
      return { text: 'Sign-in needed', wait: null, tone: 'action' };
    case 'update-needed':
      return { text: 'Update needed', wait: null, tone: 'action' };
    case 'stopped':
      return { text: state.offlineSince ? `Offline, data as of ${clockTime(state.offlineSince)}` : 'Offline', wait: null, tone: 'offline' };
  }
}
