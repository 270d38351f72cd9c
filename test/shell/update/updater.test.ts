import { EventEmitter } from 'node:events';
import type { AppUpdater } from 'electron-updater';
import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../src/shared/update/update-status';
import { Updater } from '../../../src/main/shell/update/updater';
import { CANNOT_UPDATE } from '../../../src/main/shell/update/update-policy';

/**
 * electron-updater's updater needs Electron's app and net, which cannot run here: this stands in
 * for its events and calls only (the real one runs in test/e2e/desktop-update.spec.ts).
 */
class FakeUpdater extends EventEmitter {
  checks = 0;
  feeds: unknown[] = [];
  installs: unknown[][] = [];
  logger: unknown = 'console';
  autoDownload = false;
  autoInstallOnAppQuit = false;
  answer: (u: FakeUpdater) => unknown = (u) => u.emit('update-not-available', {});
  /** What quitAndInstall does: electron-updater emits 'error' and returns when it cannot install. */
  installing: (u: FakeUpdater) => void = () => undefined;
  setFeedURL(options: unknown) {
    this.feeds.push(options);
  }
  async checkForUpdates() {
    this.checks++;
    this.emit('checking-for-update');
    this.answer(this);
    return {};
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push(args);
    this.installing(this);
  }
}

function setup(feedUrl = 'https://updates.example/tray/', automatic = true) {
  let now = 1_000_000;
  const timers: Array<{ at: number; run: () => void }> = [];
  const seen: UpdateStatus[] = [];
  const logs: string[] = [];
  const fake = new FakeUpdater();
  const updater = new Updater({
    updater: fake as unknown as AppUpdater,
    feedUrl,
    testing: false,
    automatic,
    now: () => now,
    setTimer: (run, ms) => (timers.push({ at: now + ms, run }), {}),
    clearTimer: (t) => void timers.splice(0, timers.length, ...timers.filter((x) => x !== t)),
    log: (l) => logs.push(l),
    onChange: (s) => seen.push(s),
  });
  /** Moves the clock and runs every timer due by then. */
  const advance = async (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.run();
    }
    await new Promise((r) => setImmediate(r));
  };
  return { fake, updater, timers, seen, logs, advance };
}

describe('the updater around electron-updater', () => {
  it('quiets its logger, downloads in the background, checks at start and then every 6 hours', async () => {
    const { fake, updater, advance } = setup();
    expect([fake.logger, fake.autoDownload, fake.autoInstallOnAppQuit]).toEqual([null, true, true]);
    updater.start();
    expect(fake.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example/tray/' }]);
    await advance(0);
    expect(fake.checks).toBe(1);
    await advance(6 * 3_600_000 - 1);
    expect(fake.checks).toBe(1);
    await advance(1);
    expect(fake.checks).toBe(2);
  });

  it('after a failure waits 15 minutes, then 30: no retry storm, and says why once per failure', async () => {
    const { fake, updater, advance, logs, seen } = setup();
    fake.answer = (u) => u.emit('error', Object.assign(new Error('net::ERR_CONNECTION_REFUSED'), {}));
    updater.start();
    await advance(0);
    for (let i = 0; i < 14; i++) await advance(60_000);
    expect(fake.checks).toBe(1);
    await advance(60_000);
    expect(fake.checks).toBe(2);
    await advance(30 * 60_000);
    expect(fake.checks).toBe(3);
    expect(logs).toEqual(Array(3).fill('update: the update server refused the connection'));
    expect(seen.at(-1)).toMatchObject({ phase: 'failed', error: 'the update server refused the connection' });
  });

  it('refuses an http feed in a packaged build, in words, and never asks it', async () => {
    const { fake, updater, advance, seen } = setup('http://updates.example/tray/');
    updater.start();
    updater.checkNow();
    await advance(7 * 3_600_000);
    expect(fake.checks).toBe(0);
    expect(fake.feeds).toEqual([]);
    expect(seen.at(-1)).toMatchObject({ phase: 'failed', error: 'updates come only from an https feed, not http:' });
  });

  it('with "Update automatically" off checks only when asked; installs only what is ready', async () => {
    const { fake, updater, advance, seen, timers } = setup('https://updates.example/tray/', false);
    fake.answer = (u) => {
      u.emit('update-available', { version: '2.0.0' });
      u.emit('download-progress', { percent: 50 });
      u.emit('update-downloaded', { version: '2.0.0' });
    };
    updater.start();
    await advance(24 * 3_600_000);
    expect(fake.checks).toBe(0);
    expect(updater.install()).toBe(false);
    updater.checkNow();
    await advance(0);
    expect(seen.map((s) => s.phase)).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    expect(timers).toEqual([]);
    expect(updater.install()).toBe(true);
    expect(fake.installs).toEqual([[]]);
  });

  it('says when the installer refuses, keeps the update offered, and reports it could not install', async () => {
    const { fake, updater, advance, seen } = setup();
    fake.answer = (u) => u.emit('update-downloaded', { version: '2.0.0' });
    fake.installing = (u) => u.emit('error', Object.assign(new Error('APPIMAGE env is not a valid absolute path'), { code: 'ERR_UPDATER_OLD_FILE_NOT_FOUND' }));
    updater.start();
    await advance(0);
    expect(updater.install()).toBe(false);
    expect(seen.at(-1)).toMatchObject({ phase: 'ready', version: '2.0.0', error: CANNOT_UPDATE });
  });

  it('says so when this installation cannot update itself (electron-updater answers null, no event)', async () => {
    const { fake, updater, advance, seen } = setup();
    fake.checkForUpdates = async () => (fake.checks++, null as never);
    updater.start();
    await advance(0);
    expect(seen.at(-1)).toMatchObject({ phase: 'failed', error: CANNOT_UPDATE });
  });
});
