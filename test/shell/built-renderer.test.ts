// The app's built renderer carries one transport, the preload's bridge, and its CSP lets the page
// open no connection at all (the web preview's bundle, built from the same source, keeps its
// loopback WebSocket). Checked on the built output, where a bundler choice would show.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt } from '../support/built-app';

let renderer: string;

describe("the app's built renderer", () => {
  beforeAll(() => {
    renderer = join(ensureAppBuilt(), 'renderer');
  }, 120_000);

  it('has a CSP that allows no connections', () => {
    const html = readFileSync(join(renderer, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).not.toMatch(/ws:|wss:|unsafe-eval/);
  });

  it('contains no WebSocket client: the web transport stays in the web preview', () => {
    const scripts = readdirSync(join(renderer, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(readFileSync(join(renderer, 'assets', file), 'utf8'), file).not.toMatch(/new WebSocket\(/);
  });
});
