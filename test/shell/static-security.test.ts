import { APP_CSP, CSP_PLACEHOLDER, WEB_PREVIEW_CSP } from '../../src/shared/csp';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('static checks of Electron security (checklist 2 to 6, 13 to 15)', () => {
  const files = [...sources(join(ROOT, 'src/main')), ...sources(join(ROOT, 'src/preload'))].map((f) => ({ f, text: readFileSync(f, 'utf8') }));

  it('creates every BrowserWindow with the locked-down webPreferences, and nothing unsafe anywhere', () => {
    for (const { f, text } of files) {
      for (const m of text.matchAll(/new BrowserWindow\(\{[\s\S]*?\n {0,6}\}\)/g)) {
        expect(m[0], f).toMatch(/webPreferences: secureWebPreferences\(/);
      }
      expect(text, f).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true|enableRemoteModule/);
    }
    expect(files.some(({ text }) => text.includes('new BrowserWindow('))).toBe(true);
  });

  it('never hands ipcRenderer itself to the page', () => {
    const preload = readFileSync(join(ROOT, 'src/preload/index.ts'), 'utf8');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(preload).toMatch(/exposeInMainWorld\('parrotTray', api\)/);
  });

  it("has a CSP <meta> in the renderer's HTML, filled per build, and policies without unsafe-eval or unsafe-inline", () => {
    const html = readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8');
    expect(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]).toBe(CSP_PLACEHOLDER);
    for (const csp of [APP_CSP, WEB_PREVIEW_CSP]) {
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    }
  });

  it('opens external links only through the https check', () => {
    const calls = files.filter(({ text }) => /shell\.openExternal\(/.test(text));
    for (const { f, text } of calls) expect(text, f).toMatch(/isAllowedExternalUrl/);
  });
});
