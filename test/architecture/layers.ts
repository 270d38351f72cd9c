import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export type Violation = { file: string; specifier: string; rule: string };

type Layer = 'shared' | 'core' | 'cli' | 'web' | 'shell' | 'preload' | 'renderer';
const ELECTRON_PACKAGES = ['electron', 'electron-store'];

type Target = Layer | 'electron' | 'node' | 'npm' | 'unlayered' | 'outside-src';

interface LayerRule {
  label: string;
  may: readonly Target[];
  /** When set, only these npm packages are allowed (checked by package name). */
  npmAllowList?: readonly string[];
}

// The allow-lists are whitelists on purpose: a new dependency direction has to be
// written down here, in review, rather than slipping in unnoticed.
const RULES: Record<Layer, LayerRule> = {
  shared: { label: 'src/shared', may: ['shared', 'npm'], npmAllowList: ['zod'] },
  core: { label: 'src/main/core', may: ['shared', 'core', 'node', 'npm'] },
  // The CLI's web command serves the web preview, so the CLI may start the web bridge (not the reverse).
  cli: { label: 'src/main/cli', may: ['shared', 'core', 'web', 'cli', 'node', 'npm'] },
  web: { label: 'src/main/web', may: ['shared', 'core', 'web', 'node', 'npm'] },
  shell: {
    label: 'src/main/shell (and src/main/index.ts)',
    may: ['shared', 'core', 'shell', 'electron', 'node', 'npm'],
  },
  preload: { label: 'src/preload', may: ['preload', 'shared', 'electron'] },
  renderer: { label: 'src/renderer', may: ['renderer', 'shared', 'npm'] },
};

const TARGET_NAMES: Record<Target, string> = {
  shared: 'src/shared',
  core: 'src/main/core',
  cli: 'src/main/cli',
  web: 'src/main/web',
  shell: 'src/main/shell',
  preload: 'src/preload',
  renderer: 'src/renderer',
  electron: 'electron',
  node: 'Node built-ins',
  npm: 'npm packages',
  unlayered: 'files outside a known layer',
  'outside-src': 'files outside src/',
};

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
// ESM-style TypeScript imports name the emitted .js file; map back to the source.
const EMITTED_TO_SOURCE: Record<string, string> = { '.js': '.ts', '.jsx': '.tsx', '.mjs': '.mts', '.cjs': '.cts' };
const NODE_BUILTINS = new Set(builtinModules);

/** `relFromSrc` uses forward slashes; a folder or extensionless path is accepted for targets. */
function layerOf(relFromSrc: string): Layer | undefined {
  if (relFromSrc.startsWith('shared/')) return 'shared';
  if (relFromSrc.startsWith('main/core/')) return 'core';
  if (relFromSrc.startsWith('main/cli/')) return 'cli';
  if (relFromSrc.startsWith('main/web/')) return 'web';
  if (relFromSrc.startsWith('main/shell/')) return 'shell';
  if (/^main\/index(\.[cm]?tsx?)?$/.test(relFromSrc)) return 'shell';
  if (relFromSrc.startsWith('preload/')) return 'preload';
  if (relFromSrc.startsWith('renderer/')) return 'renderer';
  return undefined;
}

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Best-effort module resolution; an unresolvable path is still classified by where it points. */
function resolveRelative(fromDir: string, specifier: string): string {
  const abs = path.resolve(fromDir, specifier);
  const candidates = [abs];
  const ext = path.extname(abs);
  const sourceExt = EMITTED_TO_SOURCE[ext];
  if (sourceExt) candidates.push(abs.slice(0, -ext.length) + sourceExt);
  for (const e of SOURCE_EXTENSIONS) candidates.push(abs + e, path.join(abs, 'index' + e));
  return candidates.find(isFile) ?? abs;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function classify(srcDir: string, fromFile: string, specifier: string): Target {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const rel = path.relative(srcDir, resolveRelative(path.dirname(fromFile), specifier));
    if (rel.startsWith('..') || path.isAbsolute(rel)) return 'outside-src';
    return layerOf(rel.split(path.sep).join('/')) ?? 'unlayered';
  }
  // electron-store loads electron itself, so it belongs to the Electron side like electron does.
  if (ELECTRON_PACKAGES.some((p) => specifier === p || specifier.startsWith(`${p}/`))) return 'electron';
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier)) return 'node';
  return 'npm';
}

/** `shown` is what the report prints; `specifier` is what gets classified. */
function importsOf(text: string): { shown: string; specifier: string }[] {
  const info = ts.preProcessFile(text, true, true);
  const imports = info.importedFiles.map((f) => ({ shown: f.fileName, specifier: f.fileName }));
  // `/// <reference path>` is always file-relative, even without a leading `./`.
  for (const ref of info.referencedFiles) {
    const specifier = path.isAbsolute(ref.fileName) ? ref.fileName : `./${ref.fileName}`;
    imports.push({ shown: `/// <reference path="${ref.fileName}" />`, specifier });
  }
  // `/// <reference types="node" />` pulls Node's globals in as surely as an import does.
  for (const ref of info.typeReferenceDirectives) {
    const specifier = ref.fileName === 'node' ? 'node:' : ref.fileName;
    imports.push({ shown: `/// <reference types="${ref.fileName}" />`, specifier });
  }
  return imports;
}

function listSourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...listSourceFiles(full));
    } else if (SOURCE_EXTENSIONS.some((e) => entry.name.endsWith(e))) {
      out.push(full);
    }
  }
  return out.sort();
}

function checkImport(rule: LayerRule, target: Target, specifier: string): string | undefined {
  const allowed = rule.may.map((t) => TARGET_NAMES[t]).join(', ');
  if (!rule.may.includes(target)) {
    return `${rule.label} may not import ${TARGET_NAMES[target]} (allowed: ${allowed})`;
  }
  if (target === 'npm' && rule.npmAllowList && !rule.npmAllowList.includes(packageName(specifier))) {
    return `${rule.label} may import only these npm packages: ${rule.npmAllowList.join(', ')}`;
  }
  return undefined;
}

export function findLayerViolations(rootDir: string): Violation[] {
  const srcDir = path.join(rootDir, 'src');
  const violations: Violation[] = [];
  for (const abs of listSourceFiles(srcDir)) {
    const file = path.relative(rootDir, abs).split(path.sep).join('/');
    const layer = layerOf(path.relative(srcDir, abs).split(path.sep).join('/'));
    if (!layer) {
      violations.push({
        file,
        specifier: '',
        rule: 'file outside a known layer: move it or add its folder to the rules in test/architecture/layers.ts',
      });
      continue;
    }
    for (const { shown, specifier } of importsOf(fs.readFileSync(abs, 'utf8'))) {
      const rule = checkImport(RULES[layer], classify(srcDir, abs, specifier), specifier);
      if (rule) violations.push({ file, specifier: shown, rule });
    }
  }
  return violations;
}

export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => (v.specifier ? `${v.file}: import '${v.specifier}': ${v.rule}` : `${v.file}: ${v.rule}`))
    .join('\n');
}
