import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkAbi,
  checkTarget,
  classifyCompile,
  classifyPrebuilt,
  electronAbi,
  failureMessage,
  nodeGypEnv,
  planBuild,
  readBinaryTarget,
  readModuleAbi,
} from '../../scripts/lib/native-build.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(join(ROOT, 'package.json'));
const NODE_BUILD = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const ELECTRON_ABI = electronAbi(readFileSync(join(ROOT, 'node_modules/electron/abi_version'), 'utf8'), undefined);
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe("reading a native addon's module ABI", () => {
  it("finds node_register_module_v<ABI> among the binary's bytes, with or without macOS's underscore", () => {
    expect(readModuleAbi(bytes('\x7fELF\0\0junk\0node_register_module_v150\0more'))).toEqual({ kind: 'abi', abi: 150 });
    expect(readModuleAbi(bytes('\xcf\xfa\xed\xfe\0_node_register_module_v115\0_node_register_module_v115'))).toEqual({ kind: 'abi', abi: 115 });
  });

  it('says so when it is a Node-API addon, or not an addon at all, or ambiguous', () => {
    expect(readModuleAbi(bytes('napi_register_module_v1'))).toEqual({ kind: 'node-api' });
    expect(readModuleAbi(bytes('nothing here')).kind).toBe('unknown');
    expect(readModuleAbi(bytes('node_register_module_v115 node_register_module_v150')).kind).toBe('unknown');
  });

  it("detects node_modules' own build (Node's ABI) as the wrong one for Electron", () => {
    // npm install builds better-sqlite3 for the Node running it (ABI 115 for Node 20, 127 for Node 22, …).
    expect(existsSync(NODE_BUILD), 'npm install builds better-sqlite3 into node_modules').toBe(true);
    const found = readModuleAbi(readFileSync(NODE_BUILD));
    expect(found).toEqual({ kind: 'abi', abi: Number(process.versions.modules) });
    const check = checkAbi(found, ELECTRON_ABI, { abi: Number(process.versions.modules), version: process.versions.node });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.why).toContain(`module ABI ${process.versions.modules} (Node.js ${process.versions.node}'s: it was compiled against Node's headers`);
    expect(!check.ok && check.why).toContain(`not Electron's ${ELECTRON_ABI}`);
  });

  it("accepts Electron's ABI and any Node-API build", () => {
    expect(checkAbi({ kind: 'abi', abi: ELECTRON_ABI }, ELECTRON_ABI)).toEqual({ ok: true });
    expect(checkAbi({ kind: 'node-api' }, ELECTRON_ABI)).toEqual({ ok: true });
    expect(checkAbi({ kind: 'unknown', why: 'x' }, ELECTRON_ABI).ok).toBe(false);
  });
});

describe("Electron's module ABI", () => {
  it('is 150 for Electron 45: the abi_version file electron ships, agreeing with node-abi', () => {
    const nodeAbi = createRequire(require.resolve('prebuild-install/package.json'))('node-abi') as { getAbi(t: string, r: string): string };
    expect(ELECTRON_VERSION).toMatch(/^45\./);
    expect(ELECTRON_ABI).toBe(150);
    expect(Number(nodeAbi.getAbi(ELECTRON_VERSION, 'electron'))).toBe(ELECTRON_ABI);
  });

  it('falls back to node-abi without the file, and refuses to guess without either', () => {
    expect(electronAbi(undefined, () => '150')).toBe(150);
    expect(electronAbi('', () => 150)).toBe(150);
    expect(() => electronAbi(undefined, () => 'nope')).toThrow(/module ABI/);
  });
});

describe('the platform and CPU a binary is for', () => {
  it("reads node_modules' build as this machine's", () => {
    const found = readBinaryTarget(readFileSync(NODE_BUILD));
    expect(found).toEqual({ platform: process.platform, arch: process.arch });
    expect(checkTarget(found, process.platform, process.arch)).toEqual({ ok: true });
  });

  it('reads ELF, Mach-O and PE headers', () => {
    const elf = Buffer.alloc(64);
    elf.writeUInt32BE(0x7f454c46, 0);
    elf[5] = 1;
    elf.writeUInt16LE(0xb7, 18);
    expect(readBinaryTarget(elf)).toEqual({ platform: 'linux', arch: 'arm64' });
    const macho = Buffer.alloc(64);
    macho.writeUInt32LE(0xfeedfacf, 0);
    macho.writeUInt32LE(0x01000007, 4);
    expect(readBinaryTarget(macho)).toEqual({ platform: 'darwin', arch: 'x64' });
    const pe = Buffer.alloc(256);
    pe.writeUInt16LE(0x5a4d, 0);
    pe.writeUInt32LE(0x80, 0x3c);
    pe.writeUInt32LE(0x00004550, 0x80);
    pe.writeUInt16LE(0x8664, 0x84);
    expect(readBinaryTarget(pe)).toEqual({ platform: 'win32', arch: 'x64' });
    expect(readBinaryTarget(bytes('not a binary'))).toBeNull();
  });

  it('refuses another CPU or OS', () => {
    expect(checkTarget({ platform: 'linux', arch: 'x64' }, 'linux', 'arm64')).toEqual({ ok: false, why: 'it is a linux-x64 binary, not linux-arm64' });
    expect(checkTarget({ platform: 'win32', arch: 'x64' }, 'darwin', 'x64').ok).toBe(false);
    expect(checkTarget({ platform: 'darwin', arch: 'universal' }, 'darwin', 'arm64').ok).toBe(true);
    expect(checkTarget(null, 'linux', 'x64').ok).toBe(true);
  });
});

describe('what to try', () => {
  it('keeps a good build, prebuilt first otherwise', () => {
    expect(planBuild({ existing: { ok: true }, force: false, fromSource: false })).toEqual({ done: true, removeExisting: false, steps: [] });
    expect(planBuild({ existing: null, force: false, fromSource: false })).toEqual({ done: false, removeExisting: false, steps: ['prebuilt', 'compile'] });
    expect(planBuild({ existing: null, force: false, fromSource: true }).steps).toEqual(['compile']);
  });

  it('removes a wrong build before anything else, so it is never left behind', () => {
    expect(planBuild({ existing: { ok: false, why: 'ABI 115' }, force: false, fromSource: false })).toEqual({ done: false, removeExisting: true, steps: ['prebuilt', 'compile'] });
  });

  it('rebuilds a good one on --force without removing it first', () => {
    expect(planBuild({ existing: { ok: true }, force: true, fromSource: false })).toEqual({ done: false, removeExisting: false, steps: ['prebuilt', 'compile'] });
  });
});

describe("reading the tools' output", () => {
  // Verbatim from a run on this machine with no network.
  const prebuiltOffline = [
    'prebuild-install info begin Prebuild-install version 7.1.3',
    'prebuild-install info looking for cached prebuild @ /root/.npm/_prebuilds/06878e-better-sqlite3-v12.6.2-electron-v150-linux-x64.tar.gz',
    'prebuild-install http request GET https://github.com/WiseLibs/better-sqlite3/releases/download/v12.6.2/better-sqlite3-v12.6.2-electron-v150-linux-x64.tar.gz',
    'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
  ].join('\n');
  const gypOffline = [
    'gyp info using node-gyp@12.4.0',
    'gyp http GET https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz',
    'gyp WARN install got an error, rolling back install',
    'gyp ERR! configure error ',
    'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
    'gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad',
    'gyp ERR! stack at go (/work/main/node_modules/node-gyp/lib/install.js:244:21)',
    'gyp ERR! not ok ',
  ].join('\n');

  it('tells an offline prebuilt download from a missing one, and from build-from-source', () => {
    expect(classifyPrebuilt(prebuiltOffline, 1)).toEqual({ step: 'prebuilt', outcome: 'offline', detail: 'getaddrinfo ENOTFOUND github.com' });
    const missing = 'prebuild-install warn install No prebuilt binaries found (target=45.4.1 runtime=electron arch=x64 libc= platform=linux)';
    expect(classifyPrebuilt(missing, 1).outcome).toBe('unavailable');
    expect(classifyPrebuilt('prebuild-install info install --build-from-source specified, not attempting download.', 1).outcome).toBe('skipped');
    expect(classifyPrebuilt('prebuild-install info install Successfully installed prebuilt binary!', 0).outcome).toBe('ok');
  });

  it("names the headers download node-gyp could not make, and a compiler's error otherwise", () => {
    expect(classifyCompile(gypOffline, 1)).toEqual({
      step: 'compile',
      outcome: 'offline',
      detail: "could not download Electron's headers (https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz)",
    });
    const broken = ["../src/better_sqlite3.cpp:1:10: fatal error: node.h: No such file or directory", 'gyp ERR! build error ', 'gyp ERR! stack Error: `make` failed with exit code: 2', 'gyp ERR! stack at ChildProcess.<anonymous>'].join('\n');
    expect(classifyCompile(broken, 1)).toEqual({
      step: 'compile',
      outcome: 'failed',
      detail: '../src/better_sqlite3.cpp:1:10: fatal error: node.h: No such file or directory / Error: `make` failed with exit code: 2',
    });
  });
});

describe("node-gyp's environment", () => {
  it("drops npm's nodedir (the cause of Node-ABI builds under Electron's name) and every other build option npm would pass", () => {
    const env = nodeGypEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.20.2',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_arch: 'ia32',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cafile: '/etc/ssl/ca.pem',
      npm_config_devdir: '/cache/node-gyp',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cafile: '/etc/ssl/ca.pem',
      npm_config_devdir: '/cache/node-gyp',
    });
  });
});

describe('what the person is told', () => {
  const base = { electronVersion: '45.4.1', expectedAbi: 150, target: 'out/native/electron-45.4.1/better_sqlite3.node', removed: null, keptExisting: false, logFile: null };

  it('offline: both tries, nothing left behind, connect and retry', () => {
    const message = failureMessage({
      ...base,
      attempts: [classifyPrebuilt('prebuild-install warn install getaddrinfo ENOTFOUND github.com', 1), classifyCompile('gyp ERR! stack is related to network connectivity.', 1)],
    });
    expect(message).toContain('could not download the prebuilt binary (offline?): getaddrinfo ENOTFOUND github.com');
    expect(message).toContain("compiling against Electron's headers failed: could not download Electron's headers");
    expect(message).toContain('Nothing was written to out/native/electron-45.4.1/better_sqlite3.node.');
    expect(message).toContain('Connect to the network');
    expect(message).toContain('`npm run native:electron -- --force`');
    expect(message).not.toContain('\n');
  });

  it('says when it removed a wrong earlier build, or kept a good one', () => {
    const attempts = [{ step: 'compile', outcome: 'offline', detail: 'x' }] as const;
    expect(failureMessage({ ...base, attempts: [...attempts], removed: 'it is built for module ABI 115' })).toContain('Removed the earlier out/native/electron-45.4.1/better_sqlite3.node: it is built for module ABI 115.');
    expect(failureMessage({ ...base, attempts: [...attempts], keptExisting: true })).toContain('The earlier, working out/native/electron-45.4.1/better_sqlite3.node is kept.');
  });

  it('points at a toolchain when compiling failed with the network up, and at nodedir when it produced the wrong ABI', () => {
    expect(failureMessage({ ...base, attempts: [{ step: 'prebuilt', outcome: 'unavailable', detail: 'No prebuilt binaries found' }, { step: 'compile', outcome: 'failed', detail: 'make failed' }] })).toContain('Install a C++ toolchain');
    expect(failureMessage({ ...base, attempts: [{ step: 'compile', outcome: 'wrong-abi', detail: 'it is built for module ABI 115' }] })).toContain('nodedir');
  });
});
