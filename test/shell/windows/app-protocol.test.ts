import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP_HEADER } from '../../../src/shared/csp';
import { APP_PAGE_URL, appFilePath, serveAppFile } from '../../../src/main/shell/windows/app-protocol';
import { isTrustedSenderUrl } from '../../../src/main/shell/ipc/trusted-sender';
import { tempDir } from '../../support/temp-dir';

function rendererRoot(): string {
  const root = tempDir('parrot-renderer-');
  mkdirSync(join(root, 'renderer/assets'), { recursive: true });
  writeFileSync(join(root, 'renderer/index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
  writeFileSync(join(root, 'renderer/assets/index.js'), 'export {};');
  writeFileSync(join(root, 'renderer/assets/notes.txt'), 'not served: no type for it');
  writeFileSync(join(root, 'secret.json'), '{"token":"outside the renderer"}');
  return join(root, 'renderer');
}

describe('the app scheme', () => {
  it('serves the renderer files with their type, nosniff and the CSP header with frame-ancestors', async () => {
    const root = rendererRoot();
    const page = await serveAppFile(new Request(APP_PAGE_URL), root, APP_CSP_HEADER);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('./assets/index.js');
    const script = await serveAppFile(new Request('parrot-tray://app/assets/index.js'), root, APP_CSP_HEADER);
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('never leaves the renderer folder, whatever the encoding', async () => {
    const root = rendererRoot();
    for (const url of ['parrot-tray://app/..%2fsecret.json', 'parrot-tray://app/%2e%2e/secret.json', 'parrot-tray://app/assets/..%2F..%2Fsecret.json', 'parrot-tray://app/%E0%A4%A', 'parrot-tray://app/index.html%00.js']) {
      // The URL parser resolves some dot segments itself (at the root they go nowhere); what is
      // left must still be inside the renderer folder, or nothing.
      const file = appFilePath(url, root);
      expect(file === null || file.startsWith(`${root}${sep}`), url).toBe(true);
      const answer = await serveAppFile(new Request(url), root, APP_CSP_HEADER);
      expect(answer.status, url).toBe(404);
      expect(await answer.text()).toBe('Not part of the app.');
    }
  });

  it('refuses other hosts, other schemes, unknown file types, missing files and writes', async () => {
    const root = rendererRoot();
    for (const url of ['parrot-tray://elsewhere/index.html', 'file:///etc/passwd', 'parrot-tray://app/assets/notes.txt', 'parrot-tray://app/missing.js', 'parrot-tray://app/']) {
      expect((await serveAppFile(new Request(url), root, APP_CSP_HEADER)).status, url).toBe(404);
    }
    const post = await serveAppFile(new Request(APP_PAGE_URL, { method: 'POST', body: 'x' }), root, APP_CSP_HEADER);
    expect(post.status).toBe(405);
  });

  it('is the only origin the sender check trusts', () => {
    expect(isTrustedSenderUrl(APP_PAGE_URL, APP_PAGE_URL)).toBe(true);
    expect(isTrustedSenderUrl('parrot-tray://app/index.html#/sessions', APP_PAGE_URL)).toBe(true);
    // Node calls every custom-scheme origin "null": the check must not compare those.
    for (const url of ['parrot-tray://evil/index.html', 'other-app://app/index.html', 'file:///opt/parrot/out/renderer/index.html', 'https://app/index.html', 'data:text/html,hi']) {
      expect(isTrustedSenderUrl(url, APP_PAGE_URL), url).toBe(false);
    }
  });
});
