import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atLeast, minimumOf, nodeVersionProblem } from '../../scripts/lib/node-version.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const readJson = (rel: string) => JSON.parse(readFileSync(join(ROOT, rel), 'utf8')) as { version: string; engines: { node: string } };

describe('the Node version needed to run the app from source', () => {
  it("is what Electron's own package requires (package.json's engines.node follows it)", () => {
    const ours = minimumOf(readJson('package.json').engines.node);
    const electrons = minimumOf(readJson('node_modules/electron/package.json').engines.node);
    expect(electrons).not.toBeNull();
    expect(ours).toEqual(electrons);
  });

  it('reads >= ranges and compares versions', () => {
    expect(minimumOf('>= 22.12.0')).toEqual([22, 12, 0]);
    expect(minimumOf('>=22.12')).toEqual([22, 12, 0]);
    expect(minimumOf('^22')).toBeNull();
    expect(atLeast('20.20.2', [22, 12, 0])).toBe(false);
    expect(atLeast('22.11.9', [22, 12, 0])).toBe(false);
    expect(atLeast('v22.12.0', [22, 12, 0])).toBe(true);
    expect(atLeast('24.0.0', [22, 12, 0])).toBe(true);
  });

  it('passes a new enough Node silently', () => {
    expect(nodeVersionProblem({ found: '22.12.0', execPath: '/n', required: '>=22.12', electronVersion: '45.4.1', testsRequire: '>=20.19' })).toBeNull();
  });

  it('turns an older one away with one paragraph: what is needed, what was found, what to do', () => {
    const message = nodeVersionProblem({ found: '20.20.2', execPath: '/usr/bin/node', required: '>=22.12', electronVersion: '45.4.1', testsRequire: '>=20.19' });
    expect(message).toContain('needs Node.js 22.12 or later to run from source');
    expect(message).toContain('Electron 45.4.1 requires it');
    expect(message).toContain('This is Node.js 20.20.2 (/usr/bin/node).');
    expect(message).toContain('Install Node.js 22.12 or later');
    expect(message).toContain('Node.js 20.19 or later');
    expect(message).not.toContain('\n');
  });
});
