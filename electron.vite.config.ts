import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { APP_CSP } from './src/shared/csp';
import { cspPlugin } from './scripts/vite-csp';

/**
 * The app's three bundles. Dependencies stay external to main (better-sqlite3 is native and is
 * rebuilt for Electron's ABI when the app is started or packaged, never for `npm test`). Main has
 * two entries: the Electron main process (index.js) and the core's utility process (core.js,
 * forked by shell/core/fork-core.ts); only the core's reaches better-sqlite3.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts'), core: resolve('src/main/core/runtime/core-process.ts') } },
    },
  },
  preload: {
    build: {
      // Electron's sandbox lets a preload require only electron, events, timers and url, so every
      // other import is bundled in, never left as a require() (test/preload checks the output).
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module.
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), cspPlugin(APP_CSP)],
    // The app's renderer has exactly one transport: the preload's bridge (src/renderer/src/api/transport.d.ts).
    define: { __PARROT_TRANSPORT__: JSON.stringify('ipc') },
    build: {
      // electron-vite leaves the renderer unminified; minified, the popover's first script is
      // about 40% of the size, and a cold open parses it before the first rows can paint.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
