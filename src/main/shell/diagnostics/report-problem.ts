import { readdirSync } from 'node:fs';
import type { Dialog, Shell } from 'electron';
import type { AppSettings } from '../../../shared/api';
import type { NotifySettings } from '../../../shared/notify-settings';
import type { CoreSupervisor } from '../core/core-supervisor';

export interface ReportProblemDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  core: Pick<CoreSupervisor, 'writeReport'>;
  /** The desktop settings as Settings shows them (no token in them), the notification settings, and how many native crash dumps this computer holds. */
  settings: () => Promise<{ app: AppSettings; notify: NotifySettings; crashDumps: number }>;
  logs: () => string[];
  versions: Record<string, string>;
  /** Main's own counters (what its safety net caught). */
  counters: () => Record<string, number>;
  /** Where the save dialog starts (the Downloads folder). */
  defaultFolder: string;
  /** Says an outcome the person did not see in a window (the report could not be written). */
  tell: (title: string, body: string) => void;
  now?: () => number;
}

/** How many native crash dumps the crash reporter keeps below `dir` (0 before the first). */
export function crashDumpCount(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

/** "parrot-tray-report-2026-12-07-1742.json": sorts by time, and says what it is. */
export function reportFileName(now: number): string {
  const iso = new Date(now).toISOString();
  return `parrot-tray-report-${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}.json`;
}

/**
 * The tray's "Report a problem…": the person picks where the bundle goes, the core writes it (it
 * holds the caches), and the file is shown in its folder so it can be read before it is sent.
 * Cancelling the dialog does nothing; a failure is said in words.
 */
export async function reportProblem(deps: ReportProblemDeps): Promise<'saved' | 'cancelled' | 'failed'> {
  const now = (deps.now ?? Date.now)();
  const { canceled, filePath } = await deps.dialog.showSaveDialog({
    title: 'Save a problem report',
    defaultPath: `${deps.defaultFolder}/${reportFileName(now)}`,
    buttonLabel: 'Save report',
    filters: [{ name: 'Problem report', extensions: ['json'] }],
  });
  if (canceled || !filePath) return 'cancelled';
  try {
    const settings = await deps.settings();
    await deps.core.writeReport({ path: filePath, settings, logs: deps.logs(), versions: deps.versions, counters: deps.counters() });
  } catch (error) {
    deps.tell('Problem report not saved', (error as Error).message);
    return 'failed';
  }
  deps.shell.showItemInFolder(filePath);
  return 'saved';
}
