import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 15_000,
    hookTimeout: 15_000,
    restoreMocks: true,
    projects: [
      // extends: each project takes the root's timeouts and restoreMocks (without it they got 5 s).
      {
        extends: true,
        // Everything on the Node side; every server a test starts listens on loopback and stops in afterEach.
        test: { name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/renderer/**', 'test/e2e/**', 'node_modules/**'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'renderer', include: ['test/renderer/**/*.test.tsx'], environment: 'happy-dom', setupFiles: ['test/renderer/setup.ts'] },
      },
    ],
  },
});
