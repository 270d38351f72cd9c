import { z } from 'zod';

/**
 * Where the desktop app's self-update stands, as the popover footer, Settings and the tray menu
 * show it. Main owns the updater; the core passes this on to every window with the app's status.
 */
export const UpdateStatus = z.object({
  phase: z.enum(['idle', 'checking', 'downloading', 'ready', 'failed']),
  /** "Update automatically" in Settings: checks at start and every 6 hours, downloads in the background. */
  automatic: z.boolean(),
  /** The version found (downloading) or downloaded (ready). */
  version: z.string().max(100).nullable(),
  /** Download progress, 0–100, while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  /** Why the last check or download failed, in words (never a URL with credentials, never a stack). */
  error: z.string().max(500).nullable(),
  /** When the last check finished (ms since the epoch), whatever it found. */
  checkedAt: z.number().nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** What a person is told about an update, one line; null when there is nothing to say. */
export function updateLine(status: UpdateStatus): string | null {
  switch (status.phase) {
    case 'ready':
      return `Restart to update to v${status.version}`;
    case 'downloading':
      return `Downloading v${status.version}${status.percent === null ? '' : ` (${Math.floor(status.percent)}%)`}…`;
    case 'checking':
      return 'Checking for updates…';
    case 'failed':
      return `Update failed: ${status.error}`;
    case 'idle':
      return null;
  }
}
