import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with a plain "N passed, N failed" line, the closing line CI reads in any language. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else if (state === 'skipped') count.skipped++;
      }
      // A file that failed to load has no tests to count but must still fail the line.
      if (module.state() === 'failed' && module.children.size === 0) count.failed++;
    }
    const skipped = count.skipped ? `, ${count.skipped} skipped` : '';
    process.stdout.write(`\n${count.passed} passed, ${count.failed} failed${skipped}\n`);
    // The end-to-end run that follows adds these to its own closing line, so CI sees one total.
    mkdirSync('node_modules/.cache/parrot-tray', { recursive: true });
    writeFileSync('node_modules/.cache/parrot-tray/vitest-summary.json', JSON.stringify(count));
  }
}
