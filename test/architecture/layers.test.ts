import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLayerViolations, formatViolations, type Violation } from './layers';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('import layers', () => {
  it('the real source tree respects every layer rule', () => {
    const violations = findLayerViolations(repoRoot);
    expect(violations, `layer violations:\n${formatViolations(violations)}`).toEqual([]);
  });
});

describe('findLayerViolations on fixture trees', () => {
  const tempDirs: string[] = [];

  afterEach(() => {
    for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Writes `files` (paths relative to the fixture root) and returns its violations. */
  function check(files: Record<string, string>): Violation[] {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'parrot-layers-'));
    tempDirs.push(root);
    for (const [rel, text] of Object.entries(files)) {
      const full = path.join(root, rel);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    }
    return findLayerViolations(root);
  }

  // Each case must yield exactly one violation on the named file and specifier, so a
  // check that flags everything (or the wrong import) fails as surely as one that flags nothing.
  type BadCase = { name: string; file: string; text: string; specifier: string; extra?: Record<string, string> };
  const badCases: BadCase[] = [
    { name: 'core importing electron', file: 'src/main/core/bad.ts', text: "import { app } from 'electron';", specifier: 'electron' },
    { name: 'core importing electron-store, which loads electron', file: 'src/main/core/bad.ts', text: "import Store from 'electron-store';", specifier: 'electron-store' },
    { name: 'core importing an electron subpath', file: 'src/main/core/bad.ts', text: "import 'electron/main';", specifier: 'electron/main' },
    {
      name: 'core importing the shell',
      file: 'src/main/core/bad.ts',
      text: "import { x } from '../shell/x';",
      specifier: '../shell/x',
      extra: { 'src/main/shell/x.ts': 'export const x = 1;' },
    },
    { name: 'shared importing node:fs', file: 'src/shared/bad.ts', text: "import fs from 'node:fs';", specifier: 'node:fs' },
    { name: 'shared importing fs', file: 'src/shared/bad.ts', text: "import { readFileSync } from 'fs';", specifier: 'fs' },
    { name: 'shared importing fs/promises', file: 'src/shared/bad.ts', text: "export * from 'fs/promises';", specifier: 'fs/promises' },
    { name: 'shared importing an npm package off the allow-list', file: 'src/shared/bad.ts', text: "import 'react';", specifier: 'react' },
    { name: 'shared pulling in Node types', file: 'src/shared/bad.ts', text: '/// <reference types="node" />\nexport {};', specifier: '/// <reference types="node" />' },
    {
      name: 'renderer importing main/core',
      file: 'src/renderer/bad.ts',
      text: "import { x } from '../../main/core/x';",
      specifier: '../../main/core/x',
      extra: { 'src/main/core/x.ts': 'export const x = 1;' },
    },
    { name: 'renderer importing electron', file: 'src/renderer/bad.tsx', text: "import { ipcRenderer } from 'electron';", specifier: 'electron' },
    { name: 'preload importing path', file: 'src/preload/bad.ts', text: "import path from 'path';", specifier: 'path' },
    {
      name: 'preload importing src/main/index via its folder',
      file: 'src/preload/bad.ts',
      text: "export * from '../main';",
      specifier: '../main',
      extra: { 'src/main/index.ts': 'export {};' },
    },
    { name: 'core using require("electron")', file: 'src/main/core/bad.ts', text: "const { app } = require('electron');", specifier: 'electron' },
    {
      name: 'core using a dynamic import("electron")',
      file: 'src/main/core/bad.ts',
      text: "export async function f() { return import('electron'); }",
      specifier: 'electron',
    },
    { name: 'core using a type-only import of electron', file: 'src/main/core/bad.ts', text: "import type { App } from 'electron';", specifier: 'electron' },
    {
      name: 'cli importing the shell through a .js specifier',
      file: 'src/main/cli/bad.ts',
      text: "import { x } from '../shell/x.js';",
      specifier: '../shell/x.js',
      extra: { 'src/main/shell/x.ts': 'export const x = 1;' },
    },
    { name: 'web importing electron', file: 'src/main/web/bad.ts', text: "import { BrowserWindow } from 'electron';", specifier: 'electron' },
    {
      name: 'shell importing the cli',
      file: 'src/main/shell/bad.ts',
      text: "import { run } from '../cli';",
      specifier: '../cli',
      extra: { 'src/main/cli/index.ts': 'export const run = 1;' },
    },
    { name: 'an import that leaves src/', file: 'src/main/core/bad.ts', text: "import '../../../scripts/x';", specifier: '../../../scripts/x' },
  ];

  it.each(badCases)('flags $name', ({ file, text, specifier, extra }) => {
    const violations = check({ [file]: text, ...extra });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ file, specifier });
    expect(violations[0]?.rule).toMatch(/\S/);
  });

  it('flags a file outside every known layer', () => {
    const violations = check({ 'src/main/helpers/util.ts': 'export const x = 1;' });
    expect(violations).toEqual([expect.objectContaining({ file: 'src/main/helpers/util.ts', specifier: '' })]);
    expect(violations[0]?.rule).toMatch(/outside a known layer/);
  });

  it('accepts a tree where every layer imports only what it may', () => {
    const violations = check({
      'src/shared/protocol/index.ts': "import { z } from 'zod';\nexport * from './session';",
      'src/shared/protocol/session.ts': "import type { ZodType } from 'zod/v4';\nexport const s = 1;",
      'src/main/core/store.ts':
        "import fs from 'node:fs';\nimport { join } from 'path';\nimport Database from 'better-sqlite3';\nimport { s } from '../../shared/protocol';",
      'src/main/core/sync.ts': "import { s } from '../../shared/protocol/index.js';\nimport './store';",
      'src/main/cli/index.ts': "import { x } from '../core/store';\nimport os from 'node:os';\nconst ws = require('ws');",
      'src/main/web/bridge.ts': "import { x } from '../core/sync';\nimport { WebSocketServer } from 'ws';",
      'src/main/shell/tray.ts': "import { Tray } from 'electron';\nimport Store from 'electron-store';\nimport '../core/sync';",
      'src/main/index.ts': "import { app } from 'electron';\nimport './shell/tray';\nimport path from 'node:path';",
      'src/preload/index.ts': "import { contextBridge } from 'electron';\nimport type { s } from '../shared/protocol';",
      'src/renderer/App.tsx': "import { create } from 'zustand';\nimport React from 'react';\nimport { s } from '../shared/protocol';\nimport './view';",
      'src/renderer/view.tsx': 'export const v = 1;',
      'src/main/core/node_modules/dep/index.ts': "import 'electron';",
    });
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
