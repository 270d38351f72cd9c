import { describe, expect, it } from 'vitest';
import { ipcTarget } from './properties/ipc';
import { ipcMainTarget } from './properties/ipc-main';
import { runBounded } from './properties/target';

describe('IPC and the core port through the Electron stand-in, with junk of every structured-clone kind (fuzz)', () => {
  // The built app under the Electron stand-in (test/electron-standin), as its real-app test runs it.
  it('answers every call, refuses in words without a secret, keeps every process up and every session listed', async () => {
    const coverage = await runBounded(ipcTarget, 40);
    expect(coverage.runs).toBe(40);
  }, 180_000);

  it("main's channels act only for the app's own page, and never throw on junk", async () => {
    const coverage = await runBounded(ipcMainTarget, 300);
    expect(coverage.runs).toBe(300);
  });
});
