import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cspPlugin } from './scripts/vite-csp';
import { WEB_PREVIEW_CSP } from './src/shared/csp';

/**
 * The renderer alone, for the web preview (`parrot-tray web`): the same source electron-vite builds
 * for the app, without the Electron parts, into out/web beside the CLI that serves it.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react(), cspPlugin(WEB_PREVIEW_CSP)],
  // The web preview's renderer talks over the loopback bridge (src/renderer/src/api/transport.d.ts).
  define: { __PARROT_TRANSPORT__: JSON.stringify('web') },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
