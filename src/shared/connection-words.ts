import type { ConnectionState } from './connection-state';
import { clockTime, duration } from './format';

/**
 * The connection state in words for the header: "Live"; "Reconnecting in 4 s"; "Offline, data as
 * of 10:42"; "Sign-in needed"; "Update needed".
 */
export function connectionWords(state: ConnectionState, now: number): { text: string; tone: 'ok' | 'busy' | 'offline' | 'action' } {
  switch (state.phase) {
    case 'live':
      return { text: 'Live', tone: 'ok' };
    case 'connecting':
      return { text: state.offlineSince ? `Connecting… (offline, data as of ${clockTime(state.offlineSince)})` : 'Connecting…', tone: 'busy' };
    case 'reconnecting': {
      const wait = state.nextTryAt ? ` — reconnecting in ${duration(state.nextTryAt - now)}` : '';
      return { text: `Offline, data as of ${clockTime(state.offlineSince ?? now)}${wait}`, tone: 'offline' };
    }
    case 'signin-needed':
      return { text: 'Sign-in needed', tone: 'action' };
    case 'update-needed':
      return { text: 'Update needed', tone: 'action' };
    case 'stopped':
      return { text: state.offlineSince ? `Offline, data as of ${clockTime(state.offlineSince)}` : 'Offline', tone: 'offline' };
  }
}
