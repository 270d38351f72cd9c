import type { Plugin } from 'vite';
import { CSP_PLACEHOLDER } from '../src/shared/csp';

/**
 * Puts a build's Content Security Policy into src/renderer/index.html (its placeholder). Vite's
 * dev server injects <style> elements and talks to its page over a WebSocket for hot reload, so a
 * served page gets those two more, and only then.
 */
export function cspPlugin(built: string): Plugin {
  let serving = false;
  return {
    name: 'parrot-tray-csp',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml(html) {
      if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`src/renderer/index.html has no ${CSP_PLACEHOLDER} for its CSP`);
      const policy = serving ? built.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(/connect-src [^;]+/, "connect-src 'self' ws://localhost:* ws://127.0.0.1:*") : built;
      return html.replace(CSP_PLACEHOLDER, policy);
    },
  };
}
