import { describe, expect, it, vi } from 'vitest';
import { RecentLog } from '../../../src/main/core/diagnostics/recent-log';
import { reportFileName, reportProblem, type ReportProblemDeps } from '../../../src/main/shell/diagnostics/report-problem';

const NOW = Date.UTC(2026, 11, 7, 17, 42);

function deps(answer: { canceled: boolean; filePath: string }, write: () => Promise<void> = async () => undefined) {
  const d = {
    dialog: { showSaveDialog: vi.fn(async () => answer) },
    shell: { showItemInFolder: vi.fn() },
    core: { writeReport: vi.fn(write) },
    settings: async () => ({ app: {} as never, notify: {} as never, crashDumps: 0 }),
    logs: () => ['a line'],
    versions: { app: '0.1.0' },
    counters: () => ({ 'main.uncaughtExceptions': 1 }),
    defaultFolder: '/home/ada/Downloads',
    tell: vi.fn(),
    now: () => NOW,
  };
  return d as typeof d & ReportProblemDeps;
}

describe('reportProblem', () => {
  it('asks where, has the core write it there, and shows it in its folder', async () => {
    const d = deps({ canceled: false, filePath: '/home/ada/report.json' });
    await expect(reportProblem(d)).resolves.toBe('saved');
    expect(d.dialog.showSaveDialog.mock.calls[0]).toEqual([expect.objectContaining({ defaultPath: '/home/ada/Downloads/parrot-tray-report-2026-12-07-1742.json', filters: [{ name: 'Problem report', extensions: ['json'] }] })]);
    expect(d.core.writeReport).toHaveBeenCalledWith({ path: '/home/ada/report.json', settings: { app: {}, notify: {}, crashDumps: 0 }, logs: ['a line'], versions: { app: '0.1.0' }, counters: { 'main.uncaughtExceptions': 1 } });
    expect(d.shell.showItemInFolder).toHaveBeenCalledWith('/home/ada/report.json');
  });

  it('does nothing when the dialog is cancelled', async () => {
    const d = deps({ canceled: true, filePath: '' });
    await expect(reportProblem(d)).resolves.toBe('cancelled');
    expect(d.core.writeReport).not.toHaveBeenCalled();
  });

  it('says why in a notification when the report could not be written', async () => {
    const d = deps({ canceled: false, filePath: '/read-only/report.json' }, async () => {
      throw new Error('the report could not be written to /read-only/report.json (EACCES)');
    });
    await expect(reportProblem(d)).resolves.toBe('failed');
    expect(d.tell).toHaveBeenCalledWith('Problem report not saved', 'the report could not be written to /read-only/report.json (EACCES)');
    expect(d.shell.showItemInFolder).not.toHaveBeenCalled();
  });
});

describe('RecentLog and the report file name', () => {
  it('keeps the last lines only, each with its time', () => {
    const log = new RecentLog(3, () => NOW);
    for (const n of [1, 2, 3, 4]) log.push(`line ${n}`);
    expect(log.all()).toEqual(['line 2', 'line 3', 'line 4'].map((l) => `2026-12-07T17:42:00.000Z ${l}`));
    expect(reportFileName(NOW)).toBe('parrot-tray-report-2026-12-07-1742.json');
  });
});
