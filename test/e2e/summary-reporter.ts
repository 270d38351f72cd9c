import { existsSync, readFileSync } from 'node:fs';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends `npm test` with one plain "N passed, N failed" line over vitest's and Playwright's tests. */
export default class SummaryReporter implements Reporter {
  private count = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(test: TestCase, result: TestResult): void {
    // Only the final attempt of a retried test counts.
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.count.passed++;
    else if (result.status === 'skipped') this.count.skipped++;
    else this.count.failed++;
  }

  onEnd(_result: FullResult): void {
    // Playwright empties test-results/ when it starts, so vitest leaves its counts in node_modules/.cache.
    const file = 'node_modules/.cache/parrot-tray/vitest-summary.json';
    const unit = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as typeof this.count) : { passed: 0, failed: 0, skipped: 0 };
    const passed = this.count.passed + unit.passed;
    const failed = this.count.failed + unit.failed;
    const skipped = this.count.skipped + unit.skipped;
    process.stdout.write(`\nunit and end-to-end: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
