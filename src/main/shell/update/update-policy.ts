import type { UpdateStatus } from '../../../shared/update/update-status';

/** Checks at start and every 6 hours (issue 15), while "Update automatically" is on. */
export const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;
/** After a failure: 15 min, then doubling, never more often, never later than the regular check. */
const FIRST_RETRY_MS = 15 * 60 * 1000;

/** When the next automatic check is due, from the last one and how many failed in a row. */
export function nextCheckAt(lastCheckAt: number | null, failuresInRow: number, now: number): number {
  if (lastCheckAt === null) return now;
  if (failuresInRow === 0) return lastCheckAt + CHECK_EVERY_MS;
  return lastCheckAt + Math.min(CHECK_EVERY_MS, FIRST_RETRY_MS * 2 ** (failuresInRow - 1));
}

/**
 * Whether a feed may be used: https only. Plain http and file feeds carry no protection against
 * someone between the app and the server, so they are for tests (an unpackaged app with a test feed).
 */
export function feedProblem(feedUrl: string, testing: boolean): string | null {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return 'the update feed is not a valid URL';
  }
  if (url.username || url.password) return 'the update feed must not carry credentials';
  if (url.protocol === 'https:') return null;
  if (testing && (url.protocol === 'http:' || url.protocol === 'file:')) return null;
  return `updates come only from an https feed, not ${url.protocol}`;
}

/** What an installation that cannot replace itself says (electron-updater's updater is inactive there). */
export const CANNOT_UPDATE = 'this installation cannot update itself: install the AppImage, or update the package with your package manager';

const NET_WORDS: Array<[RegExp, string]> = [
  [/ERR_CONNECTION_REFUSED|ECONNREFUSED/, 'the update server refused the connection'],
  [/ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN/, 'the update server could not be found'],
  [/ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ENETUNREACH/, 'this computer is offline'],
  [/ERR_TIMED_OUT|ETIMEDOUT|ERR_CONNECTION_TIMED_OUT/, 'the update server did not answer in time'],
  [/ERR_CONNECTION_RESET|ECONNRESET|ERR_CONNECTION_CLOSED/, 'the connection to the update server was cut'],
  [/ERR_CERT|ERR_SSL/, "the update server's certificate was not accepted"],
];

/**
 * An updater failure in words. electron-updater's errors carry a code and a message that may hold
 * a stack, the feed's whole reply or a URL: only the kind of failure is kept.
 */
export function describeUpdateError(error: { code?: unknown; message?: unknown } | null | undefined): string {
  const code = typeof error?.code === 'string' ? error.code : '';
  const message = typeof error?.message === 'string' ? error.message : '';
  const status = /HttpError: (\d{3})|status(?:Code)?[ =:]+(\d{3})|\b(\d{3}) (?:Not Found|Forbidden|Unauthorized|Internal Server Error|Bad Gateway|Service Unavailable)\b/.exec(message);
  const http = status?.[1] ?? status?.[2] ?? status?.[3];
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || http === '404') return 'the update feed has no release information (HTTP 404)';
  if (http) return `the update server answered HTTP ${http}`;
  if (code === 'ERR_UPDATER_INVALID_UPDATE_INFO' || code === 'ERR_UPDATER_INVALID_VERSION' || /YAMLException|Cannot parse update info/i.test(message)) return "the update feed's release information is not valid";
  if (code === 'ERR_UPDATER_NO_FILES_PROVIDED' || code === 'ERR_UPDATER_NO_FILE_PROVIDED') return 'the release has no file for this system';
  if (/sha512 checksum mismatch|checksum/i.test(message)) return 'the downloaded update did not match its checksum and was discarded';
  if (code === 'ERR_UPDATER_OLD_FILE_NOT_FOUND') return CANNOT_UPDATE;
  for (const [pattern, words] of NET_WORDS) if (pattern.test(message) || pattern.test(code)) return words;
  return 'the update could not be checked or downloaded';
}

/** What the updater reports, as the status reducer takes it. */
export type UpdateEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'none'; at: number }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string; at: number }
  | { type: 'failed'; error: string; at: number }
  | { type: 'automatic'; on: boolean };

export const INITIAL_UPDATE_STATUS: UpdateStatus = { phase: 'idle', automatic: true, version: null, percent: null, error: null, checkedAt: null };

/** The status after one updater event. */
export function reduceUpdate(status: UpdateStatus, event: UpdateEvent): UpdateStatus {
  if (event.type === 'automatic') return { ...status, automatic: event.on };
  // A downloaded update stays ready whatever a later check says; a failure (the install itself
  // refused, say) is kept beside it, so it is shown.
  if (status.phase === 'ready' && event.type !== 'downloaded') {
    if (event.type === 'failed') return { ...status, error: event.error, checkedAt: event.at };
    return event.type === 'none' ? { ...status, checkedAt: event.at } : status;
  }
  switch (event.type) {
    case 'checking':
      return { ...status, phase: 'checking', error: null };
    case 'available':
      return { ...status, phase: 'downloading', version: event.version, percent: 0, error: null };
    case 'progress':
      return status.phase === 'downloading' ? { ...status, percent: Math.max(0, Math.min(100, event.percent)) } : status;
    case 'none':
      return { ...status, phase: 'idle', version: null, percent: null, error: null, checkedAt: event.at };
    case 'downloaded':
      return { ...status, phase: 'ready', version: event.version, percent: null, error: null, checkedAt: event.at };
    case 'failed':
      return { ...status, phase: 'failed', percent: null, error: event.error, checkedAt: event.at };
  }
}
