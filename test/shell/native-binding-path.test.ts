import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingPath } from '../../src/main/shell/native-binding-path';
import { tempDir } from '../support/temp-dir';

describe('which better-sqlite3 build the app loads', () => {
  it("is node_modules' own under plain Node (tests and the CLI)", () => {
    expect(nativeBindingPath({ node: '20.20.2' } as NodeJS.ProcessVersions, undefined, '/nowhere')).toBeUndefined();
  });

  it("is Electron's build: packaged resources first, then out/native in development", () => {
    const root = tempDir();
    const dev = join(root, 'out/native/electron-45.4.1-abi150');
    mkdirSync(dev, { recursive: true });
    writeFileSync(join(dev, 'better_sqlite3.node'), '');
    const versions = { electron: '45.4.1', modules: '150' } as NodeJS.ProcessVersions;
    expect(nativeBindingPath(versions, undefined, root)).toBe(join(dev, 'better_sqlite3.node'));
    const resources = join(root, 'resources');
    mkdirSync(join(resources, 'native/electron-45.4.1-abi150'), { recursive: true });
    writeFileSync(join(resources, 'native/electron-45.4.1-abi150/better_sqlite3.node'), '');
    expect(nativeBindingPath(versions, resources, root)).toBe(join(resources, 'native/electron-45.4.1-abi150/better_sqlite3.node'));
    expect(nativeBindingPath({ electron: '46.0.0', modules: '150' } as NodeJS.ProcessVersions, resources, root)).toBeUndefined();
  });

  it("is never Electron's build in a process of another module ABI (Node running the built main)", () => {
    const root = tempDir();
    mkdirSync(join(root, 'out/native/electron-45.4.1-abi150'), { recursive: true });
    writeFileSync(join(root, 'out/native/electron-45.4.1-abi150/better_sqlite3.node'), '');
    expect(nativeBindingPath({ electron: '45.4.1', modules: '115' } as NodeJS.ProcessVersions, undefined, root)).toBeUndefined();
  });
});
