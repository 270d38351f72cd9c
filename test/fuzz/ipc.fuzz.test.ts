import { describe, expect, it } from 'vitest';
import { ipcTarget } from './properties/ipc';
import { runBounded } from './properties/target';

// The built app under the Electron stand-in (test/electron-standin), as test/electron-standin/real-app.test.ts runs it.
describe('IPC and the core port through the Electron stand-in, with junk of every structured-clone kind (fuzz)', () => {
  it('answers every call, refuses in words without a secret, keeps every process up and every session listed', async () => {
    const coverage = await runBounded(ipcTarget, 40);
    expect(coverage.runs).toBe(40);
  }, 180_000);
});
