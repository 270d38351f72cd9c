import { describe, expect, it } from 'vitest';
import { updateLine } from '../../../src/shared/update/update-status';
import { CANNOT_UPDATE, CHECK_EVERY_MS, describeUpdateError, feedProblem, INITIAL_UPDATE_STATUS, nextCheckAt, reduceUpdate, type UpdateEvent } from '../../../src/main/shell/update/update-policy';
import { updateFeed, RELEASE_FEED } from '../../../src/main/shell/update/start-updates';

const MIN = 60_000;

describe('when the app checks for updates', () => {
  it('checks at once the first time, then every 6 hours', () => {
    expect(nextCheckAt(null, 0, 1_000)).toBe(1_000);
    expect(nextCheckAt(5_000, 0, 6_000)).toBe(5_000 + CHECK_EVERY_MS);
    expect(CHECK_EVERY_MS).toBe(6 * 60 * MIN);
  });

  it('after failures backs off from 15 minutes, doubling, never past the regular check', () => {
    const waits = [1, 2, 3, 4, 5, 6, 10].map((n) => (nextCheckAt(0, n, 0) - 0) / MIN);
    expect(waits).toEqual([15, 30, 60, 120, 240, 360, 360]);
  });
});

describe('which feeds the app takes', () => {
  it('https only, in a packaged build; http and file only in tests; never credentials', () => {
    expect(feedProblem('https://updates.example/tray/', false)).toBeNull();
    expect(feedProblem('http://updates.example/tray/', false)).toBe('updates come only from an https feed, not http:');
    expect(feedProblem('file:///tmp/feed/', false)).toBe('updates come only from an https feed, not file:');
    expect(feedProblem('http://127.0.0.1:9/', true)).toBeNull();
    expect(feedProblem('ftp://updates.example/', true)).toBe('updates come only from an https feed, not ftp:');
    expect(feedProblem('https://user:pw@updates.example/', false)).toBe('the update feed must not carry credentials');
    expect(feedProblem('not a url', true)).toBe('the update feed is not a valid URL');
  });

  it('a packaged build uses the release feed and ignores a test feed; from source, only a test feed', () => {
    expect(updateFeed(true, { PARROT_TRAY_UPDATE_FEED: 'http://127.0.0.1:1/' })).toEqual({ url: RELEASE_FEED, testing: false });
    expect(updateFeed(false, {})).toBeNull();
    expect(updateFeed(false, { PARROT_TRAY_UPDATE_FEED: 'http://127.0.0.1:1/' })).toEqual({ url: 'http://127.0.0.1:1/', testing: true });
  });
});

describe('failures in words', () => {
  it("names electron-updater's failures without their stacks, replies or URLs", () => {
    const cases: Array<[{ code?: string; message: string }, string]> = [
      [{ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', message: 'Cannot find latest-linux.yml in the latest release artifacts (https://u:p@x/latest-linux.yml): HttpError: 404' }, 'the update feed has no release information (HTTP 404)'],
      [{ message: 'HttpError: 503 \n"method: GET url: http://127.0.0.1/latest-linux.yml"\n at ClientRequest.<anonymous>' }, 'the update server answered HTTP 503'],
      [{ code: 'ERR_UPDATER_INVALID_UPDATE_INFO', message: 'Cannot parse update info from latest-linux.yml in the latest release artifacts: YAMLException' }, "the update feed's release information is not valid"],
      [{ message: 'net::ERR_CONNECTION_REFUSED' }, 'the update server refused the connection'],
      [{ message: 'net::ERR_NAME_NOT_RESOLVED' }, 'the update server could not be found'],
      [{ message: 'sha512 checksum mismatch, expected abc, got def' }, 'the downloaded update did not match its checksum and was discarded'],
      [{ code: 'ERR_UPDATER_OLD_FILE_NOT_FOUND', message: 'APPIMAGE env is not defined' }, CANNOT_UPDATE],
      [{ message: 'something else at /home/ada/secret/path.js:1:2' }, 'the update could not be checked or downloaded'],
    ];
    for (const [error, words] of cases) {
      expect(describeUpdateError(error)).toBe(words);
      expect(describeUpdateError(error)).not.toMatch(/https?:|\/home|at \//);
    }
    expect(describeUpdateError(null)).toBe('the update could not be checked or downloaded');
  });
});

describe('what the app shows', () => {
  const run = (...events: UpdateEvent[]) => events.reduce(reduceUpdate, INITIAL_UPDATE_STATUS);

  it('goes checking → downloading with progress → ready, and says so', () => {
    const downloading = run({ type: 'checking' }, { type: 'available', version: '1.4.0' }, { type: 'progress', percent: 42.7 });
    expect(updateLine(downloading)).toBe('Downloading v1.4.0 (42%)…');
    const ready = reduceUpdate(downloading, { type: 'downloaded', version: '1.4.0', at: 9 });
    expect(ready).toMatchObject({ phase: 'ready', version: '1.4.0', checkedAt: 9 });
    expect(updateLine(ready)).toBe('Restart to update to v1.4.0');
  });

  it('keeps a downloaded update ready whatever a later check says', () => {
    const ready = run({ type: 'downloaded', version: '1.4.0', at: 1 });
    expect(reduceUpdate(ready, { type: 'failed', error: 'offline', at: 2 })).toMatchObject({ phase: 'ready', version: '1.4.0', checkedAt: 2, error: 'offline' });
    expect(reduceUpdate(ready, { type: 'checking' }).phase).toBe('ready');
  });

  it('says a failure, then clears it on the next good check; up to date says nothing', () => {
    const failed = run({ type: 'checking' }, { type: 'failed', error: 'the update server refused the connection', at: 3 });
    expect(updateLine(failed)).toBe('Update failed: the update server refused the connection');
    const fine = reduceUpdate(reduceUpdate(failed, { type: 'checking' }), { type: 'none', at: 4 });
    expect(fine).toMatchObject({ phase: 'idle', error: null, checkedAt: 4 });
    expect(updateLine(fine)).toBeNull();
    expect(reduceUpdate(fine, { type: 'automatic', on: false }).automatic).toBe(false);
  });
});
