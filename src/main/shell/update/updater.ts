import type { AppUpdater, ProgressInfo, UpdateDownloadedEvent, UpdateInfo } from 'electron-updater';
import type { UpdateStatus } from '../../../shared/update/update-status';
import { CANNOT_UPDATE, describeUpdateError, feedProblem, INITIAL_UPDATE_STATUS, nextCheckAt, reduceUpdate, type UpdateEvent } from './update-policy';

export interface UpdaterOptions {
  /** electron-updater's updater for this platform, feed not yet set. */
  updater: AppUpdater;
  feedUrl: string;
  /** An unpackaged app pointed at a test feed: http and file feeds are allowed only then. */
  testing: boolean;
  automatic: boolean;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => { unref?(): void };
  clearTimer?: (timer: unknown) => void;
  log: (line: string) => void;
  onChange: (status: UpdateStatus) => void;
}

/**
 * The app's self-update around electron-updater: checks at start and every 6 hours while
 * "Update automatically" is on, downloads in the background, and says what happened in words.
 * The rules (when, what to show, which feeds) are in ./update-policy; this wires them to the updater.
 */
export class Updater {
  private status: UpdateStatus;
  private failures = 0;
  private timer: unknown = null;
  private running = false;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: UpdaterOptions) {
    this.now = options.now ?? Date.now;
    this.status = { ...INITIAL_UPDATE_STATUS, automatic: options.automatic };
    const { updater } = options;
    // Its own logger prints stacks, replies and URLs; what matters is said by the events below.
    updater.logger = null;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.on('checking-for-update', () => this.apply({ type: 'checking' }));
    updater.on('update-available', (info: UpdateInfo) => this.apply({ type: 'available', version: info.version }));
    updater.on('update-not-available', () => this.finished({ type: 'none', at: this.now() }));
    updater.on('download-progress', (progress: ProgressInfo) => this.apply({ type: 'progress', percent: progress.percent }));
    updater.on('update-downloaded', (event: UpdateDownloadedEvent) => this.finished({ type: 'downloaded', version: event.version, at: this.now() }));
    updater.on('error', (error: Error) => this.finished({ type: 'failed', error: describeUpdateError(error as Error & { code?: string }), at: this.now() }));
  }

  get current(): UpdateStatus {
    return this.status;
  }

  /** Sets the feed and, when automatic, checks now; a feed that is not allowed is said, never used. */
  start(): void {
    const problem = feedProblem(this.options.feedUrl, this.options.testing);
    if (problem) return void this.finished({ type: 'failed', error: problem, at: this.now() });
    this.options.updater.setFeedURL({ provider: 'generic', url: this.options.feedUrl });
    this.schedule();
  }

  /** "Check for updates" from the tray menu: now, whatever the schedule, unless one is under way. */
  checkNow(): void {
    if (feedProblem(this.options.feedUrl, this.options.testing)) return;
    void this.check();
  }

  /**
   * "Restart to update": electron-updater installs, starts the new version and quits this one.
   * False when it could not (its 'error' comes first, and is shown): the app carries on.
   */
  install(): boolean {
    if (this.status.phase !== 'ready') return false;
    const failuresBefore = this.failures;
    this.options.updater.quitAndInstall();
    return this.failures === failuresBefore;
  }

  setAutomatic(on: boolean): void {
    this.apply({ type: 'automatic', on });
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private async check(): Promise<void> {
    if (this.running || this.status.phase === 'downloading') return;
    this.running = true;
    try {
      // Null, with no event at all, when this installation cannot update itself (a Linux build
      // that is not an AppImage, a Snap): said, rather than "not checked yet" forever.
      const result = await this.options.updater.checkForUpdates();
      if (result === null) this.finished({ type: 'failed', error: CANNOT_UPDATE, at: this.now() });
    } catch {
      // Reported by the 'error' event already, in words.
    } finally {
      this.running = false;
    }
  }

  private finished(event: UpdateEvent & { at: number }): void {
    this.failures = event.type === 'failed' ? this.failures + 1 : 0;
    if (event.type === 'failed') this.options.log(`update: ${event.error}`);
    this.apply(event);
    this.schedule();
  }

  private apply(event: UpdateEvent): void {
    const next = reduceUpdate(this.status, event);
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    this.options.onChange(next);
  }

  /** One timer at most, for the next automatic check; none while off, ready or stopped. */
  private schedule(): void {
    this.clear();
    if (this.stopped || !this.status.automatic || this.status.phase === 'ready') return;
    if (feedProblem(this.options.feedUrl, this.options.testing)) return;
    const delay = Math.max(0, nextCheckAt(this.status.checkedAt, this.failures, this.now()) - this.now());
    const set = this.options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    const timer = set(() => {
      this.timer = null;
      void this.check();
    }, delay);
    timer.unref?.();
    this.timer = timer;
  }

  private clear(): void {
    if (this.timer !== null) (this.options.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout)))(this.timer);
    this.timer = null;
  }
}
