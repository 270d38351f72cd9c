import { describe, expect, it } from 'vitest';
import { settingsFileTarget } from './properties/settings-file';
import { runBounded } from './properties/target';

describe('the desktop settings file, damaged, newer, older or unwritable (fuzz)', () => {
  it('opens whatever is on disk, says what it reset without a secret, and destroys nothing silently', async () => {
    const coverage = await runBounded(settingsFileTarget, 50);
    expect(coverage.runs).toBe(50);
  }, 60_000);
});
