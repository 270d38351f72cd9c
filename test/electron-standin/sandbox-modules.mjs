// What Electron hands a sandboxed preload (docs/tutorial/sandbox.md, lib/sandboxed_renderer/
// init.ts and preload.ts), in one place for the stand-in's page side and the tests that check the
// built preload against the same rules.

/** The parameters the preload's body is compiled with, in Electron's order. */
export const PRELOAD_PARAMS = ['require', 'process', 'exports', 'module', 'Buffer', 'global', 'setImmediate', 'clearImmediate'];

/** Every name the sandbox's `require` answers, by the module it gives; anything else throws. */
export const SANDBOX_MODULES = {
  electron: ['electron', 'electron/common', 'electron/renderer'],
  events: ['events', 'node:events'],
  timers: ['timers', 'node:timers'],
  url: ['url', 'node:url'],
};

/** Electron's own words for any other name (lib/sandboxed_renderer/preload.ts). */
export const moduleNotFound = (name) => new Error(`module not found: ${name}`);
