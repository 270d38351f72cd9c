import type { ConnectionState } from '../../../shared/connection-state';
import { clockTime } from '../../../shared/format';
import { needsYouWords } from '../../../shared/sessions';

/** What the tray icon says at a glance; the order is the precedence, most urgent first. */
export const TRAY_STATES = ['signin', 'offline', 'approvals', 'busy', 'idle'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

export interface TrayInput {
  phase: ConnectionState['phase'];
  /** Sessions in the 'active' category (running, queued, open chats). */
  active: number;
  /** What needs the person: pending checkpoints and their fresh failures (shared/sessions/needs-you.ts). */
  needsYou: number;
  demo: boolean;
  /** ConnectionState.offlineSince: lets the tooltip say how old the counts are. */
  offlineSince?: number | null;
  /**
   * With several profiles, each one not live in words, most urgent first ("Globex: offline").
   * Empty (or left out) with one profile, whose phase says it all.
   */
  troubled?: readonly string[];
  /** Something wrong with the app itself (its core stopped, or keeps stopping), in words; it outranks the rest. */
  problem?: string | null;
}

export interface TrayView {
  state: TrayState;
  /** The icon's base name, resolved to a file by iconFile(). */
  icon: string;
  tooltip: string;
  /** macOS menu-bar text beside the icon; '' for none. */
  title: string;
}

const APP = 'Parrot Tray';
// Windows cuts a tray tooltip at 127 characters (NOTIFYICONDATA's szTip is 128 with its NUL).
const TOOLTIP_MAX = 127;
// The menu bar is shared with every other app: a fourth digit would only push neighbours away.
const TITLE_MAX = 99;

export function trayState(input: TrayInput): TrayState {
  // Without its core the app knows nothing current: the counts it last had may be stale.
  if (input.problem) return 'offline';
  // Sign-in and update both need the person to act before anything else will work.
  if (input.phase === 'signin-needed' || input.phase === 'update-needed') return 'signin';
  // Not live means the counts may be stale, so a badge or busy dot would claim too much.
  if (input.phase !== 'live') return 'offline';
  if (input.needsYou > 0) return 'approvals';
  if (input.active > 0) return 'busy';
  return 'idle';
}

export function trayIconBase(state: TrayState): string {
  return state;
}

function countWords(input: TrayInput): string {
  const parts: string[] = [];
  if (input.needsYou > 0) parts.push(needsYouWords(input.needsYou));
  if (input.active > 0) parts.push(`${input.active} active`);
  return parts.length > 0 ? parts.join(', ') : 'nothing running';
}

function phaseWords(input: TrayInput): string {
  switch (input.phase) {
    case 'signin-needed':
      return 'sign-in needed';
    case 'update-needed':
      return 'update needed';
    case 'connecting':
      // The first connect has no data yet, so there is nothing to date.
      return input.offlineSince ? `connecting, data as of ${clockTime(input.offlineSince)}` : 'connecting…';
    case 'live':
      return '';
    default:
      return input.offlineSince ? `offline, data as of ${clockTime(input.offlineSince)}` : 'offline';
  }
}

/** "Acme: sign-in needed; Globex: offline", or the first few and how many more, within `room`. */
function troubledWords(troubled: readonly string[], room: number): string {
  for (let shown = troubled.length; shown > 1; shown--) {
    const more = troubled.length - shown;
    const words = troubled.slice(0, shown).join('; ') + (more > 0 ? `; ${more} more` : '');
    if (words.length <= room) return words;
  }
  return troubled.length > 1 ? `${troubled[0]}; ${troubled.length - 1} more` : (troubled[0] ?? '');
}

function clipTooltip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= TOOLTIP_MAX ? text : `${chars.slice(0, TOOLTIP_MAX - 1).join('')}…`;
}

/**
 * "Parrot Tray — 3 need you, 12 active"; when not live the phase comes first and the
 * cached counts follow, since they are still the best answer the app has. With several profiles
 * the ones in trouble are named in its place: "Parrot Tray — Globex: offline (3 need you)".
 */
export function trayTooltip(input: TrayInput): string {
  const name = input.demo ? `${APP} (demo data)` : APP;
  if (input.problem) return clipTooltip(`${name} — ${input.problem}`);
  const troubled = input.troubled ?? [];
  const mustAct = input.phase === 'signin-needed' || input.phase === 'update-needed';
  const counts = countWords(input);
  const withCounts = !mustAct && (input.needsYou > 0 || input.active > 0);
  if (troubled.length > 0) {
    // Other profiles are live (or hold their caches), so the counts still say something even while
    // one needs sign-in.
    const tail = input.needsYou > 0 || input.active > 0 ? ` (${counts})` : '';
    return clipTooltip(`${name} — ${troubledWords(troubled, TOOLTIP_MAX - name.length - 3 - tail.length)}${tail}`);
  }
  const phase = phaseWords(input);
  if (mustAct) return `${name} — ${phase}`;
  if (!phase) return `${name} — ${counts}`;
  return withCounts ? `${name} — ${phase} (${counts})` : `${name} — ${phase}`;
}

/** Only a live needs-you count earns menu-bar space; the icon already carries every other state. */
export function trayTitle(input: TrayInput): string {
  if (trayState(input) !== 'approvals') return '';
  return input.needsYou > TITLE_MAX ? `${TITLE_MAX}+` : String(input.needsYou);
}

export function trayView(input: TrayInput): TrayView {
  const state = trayState(input);
  return { state, icon: trayIconBase(state), tooltip: trayTooltip(input), title: trayTitle(input) };
}
