// The app's built renderer carries one transport, the preload's bridge, and its CSP lets the page
// open no connection at all (the web preview's bundle, built from the same source, keeps its
// loopback WebSocket). Checked on the built output, where a bundler choice would show.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, WEB_PREVIEW_CSP } from '../../src/shared/csp';
import { ensureAppBuilt, REPO } from '../support/built-app';

let renderer: string;

describe("the app's built renderer", () => {
  beforeAll(() => {
    renderer = join(ensureAppBuilt(), 'renderer');
  }, 120_000);

  it('has a CSP that allows no connections and no inline styles or scripts', () => {
    const html = readFileSync(join(renderer, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toBe(APP_CSP);
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).not.toMatch(/ws:|wss:|unsafe-eval|unsafe-inline/);
  });

  it("is not the web preview's page: that one has its own policy, with its bridge and nothing else", () => {
    const html = readFileSync(join(REPO, 'out/web/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toBe(WEB_PREVIEW_CSP);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/ws:|unsafe-eval|unsafe-inline/);
  });

  it('contains no WebSocket client: the web transport stays in the web preview', () => {
    const scripts = readdirSync(join(renderer, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(readFileSync(join(renderer, 'assets', file), 'utf8'), file).not.toMatch(/new WebSocket\(/);
  });
});
