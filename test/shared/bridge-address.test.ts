import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isExternalUrl } from '../../src/shared/api/bridge-address';
import { ExternalUrl } from '../../src/shared/api';

describe('the bridge address module the web popover loads first', () => {
  it('imports nothing, so no schema library rides into the first script', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../src/shared/api/bridge-address.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export\s+\*|export\s+\{[^}]*\}\s+from)\b/m);
  });

  it('opens https links that parse, and nothing else', () => {
    expect(isExternalUrl('https://parrot.example/s/fr_1?x=1#y')).toBe(true);
    for (const bad of ['http://parrot.example/', 'https://', 'https://exa mple.com', 'javascript:alert(1)', 'file:///etc/passwd', 'HTTPS://parrot.example/']) {
      expect(isExternalUrl(bad), bad).toBe(false);
    }
  });

  it('is the rule the openExternal call validates with, and its refusal says why', () => {
    const refused = ExternalUrl.safeParse('http://parrot.example/');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('only https links can be opened');
    expect(ExternalUrl.safeParse('https://parrot.example/').success).toBe(true);
  });
});
