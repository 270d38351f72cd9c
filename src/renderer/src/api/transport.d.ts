/**
 * Which transport this renderer bundle carries, fixed when it is built: electron.vite.config.ts
 * builds the app's renderer with 'ipc' (the preload's bridge), vite.web.config.ts the web
 * preview's with 'web' (the loopback WebSocket). A bundle never picks the other at run time.
 */
declare const __PARROT_TRANSPORT__: 'ipc' | 'web';
