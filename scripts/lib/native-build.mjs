// The pure half of scripts/electron-native.mjs: what ABI a .node file was built for, what to try,
// how to read the tools' output, and what to tell the person. No I/O here; tested in
// test/scripts/native-build.test.ts.

const NODE_REGISTER = 'node_register_module_v';
const NAPI_REGISTER = 'napi_register_module_v';

/**
 * The module ABI a native addon was built for, read from its bytes. A non-N-API addon (better-sqlite3
 * is one) exports `node_register_module_v<NODE_MODULE_VERSION>` (node.h's NODE_MODULE_INIT; with a
 * leading underscore on macOS), and Node or Electron refuse to load it under any other ABI.
 * @param {Uint8Array} bytes
 * @returns {{ kind: 'abi', abi: number } | { kind: 'node-api' } | { kind: 'unknown', why: string }}
 */
export function readModuleAbi(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = new Set();
  for (let i = text.indexOf(NODE_REGISTER); i !== -1; i = text.indexOf(NODE_REGISTER, i + 1)) {
    const digits = /^\d+/.exec(text.slice(i + NODE_REGISTER.length, i + NODE_REGISTER.length + 8));
    if (digits) found.add(Number(digits[0]));
  }
  if (found.size === 1) return { kind: 'abi', abi: [...found][0] };
  if (found.size > 1) return { kind: 'unknown', why: `it names several module ABIs (${[...found].join(', ')})` };
  if (text.includes(NAPI_REGISTER)) return { kind: 'node-api' };
  return { kind: 'unknown', why: 'it exports no node_register_module_v<ABI> symbol (not a Node addon?)' };
}

/**
 * Whether a build fits Electron. Node-API addons fit any runtime; anything else must carry exactly
 * Electron's ABI.
 * @param {ReturnType<typeof readModuleAbi>} found
 * @param {number} expectedAbi
 * @param {{ abi: number, version: string } | undefined} [hostNode] the Node running the script, to name the usual mistake
 * @returns {{ ok: true } | { ok: false, why: string }}
 */
export function checkAbi(found, expectedAbi, hostNode) {
  if (found.kind === 'node-api') return { ok: true };
  if (found.kind === 'unknown') return { ok: false, why: `its module ABI cannot be read: ${found.why}` };
  if (found.abi === expectedAbi) return { ok: true };
  const host = hostNode && hostNode.abi === found.abi ? ` (Node.js ${hostNode.version}'s: it was compiled against Node's headers instead of Electron's)` : '';
  return { ok: false, why: `it is built for module ABI ${found.abi}${host}, not Electron's ${expectedAbi}` };
}

/**
 * The platform and CPU a shared library was built for, from its header (ELF, Mach-O or PE), named
 * as Node names them (process.platform, process.arch). Null when the format is not one of those.
 * @param {Uint8Array} bytes
 * @returns {{ platform: 'linux' | 'darwin' | 'win32', arch: string } | null}
 */
export function readBinaryTarget(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) {
    const machine = b[5] === 2 ? b.readUInt16BE(18) : b.readUInt16LE(18);
    const arch = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm', 0xf3: 'riscv64', 0x15: 'ppc64', 0x16: 's390x' }[machine];
    return { platform: 'linux', arch: arch ?? `elf-machine-${machine}` };
  }
  if (b.length >= 8 && b.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = b.readUInt32LE(4);
    return { platform: 'darwin', arch: cpu === 0x01000007 ? 'x64' : cpu === 0x0100000c ? 'arm64' : `macho-cpu-${cpu}` };
  }
  if (b.length >= 8 && b.readUInt32BE(0) === 0xcafebabe) return { platform: 'darwin', arch: 'universal' };
  if (b.length >= 0x40 && b.readUInt16LE(0) === 0x5a4d) {
    const pe = b.readUInt32LE(0x3c);
    if (pe + 6 <= b.length && b.readUInt32LE(pe) === 0x00004550) {
      const machine = b.readUInt16LE(pe + 4);
      return { platform: 'win32', arch: { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' }[machine] ?? `pe-machine-${machine}` };
    }
  }
  return null;
}

/**
 * Whether a build is for the platform and CPU the app will run on (the ABI alone cannot tell an
 * x64 build from an arm64 one). Unreadable formats pass: the ABI check still applies to them.
 * @param {ReturnType<typeof readBinaryTarget>} found
 * @param {string} platform
 * @param {string} arch
 * @returns {{ ok: true } | { ok: false, why: string }}
 */
export function checkTarget(found, platform, arch) {
  if (!found) return { ok: true };
  // ELF is also FreeBSD's and others'; only its CPU is worth comparing there.
  const samePlatform = found.platform === platform || (found.platform === 'linux' && !['darwin', 'win32'].includes(platform));
  const sameArch = found.arch === arch || (found.arch === 'universal' && platform === 'darwin');
  if (samePlatform && sameArch) return { ok: true };
  return { ok: false, why: `it is a ${found.platform}-${found.arch} binary, not ${platform}-${arch}` };
}

/**
 * Electron's NODE_MODULE_VERSION: the `abi_version` file the electron package ships (150 for
 * Electron 45), else node-abi's registry (a dependency of prebuild-install; its abi_registry.json
 * lists `{ runtime: 'electron', target: '45.0.0-alpha.1', abi: '150' }`).
 * @param {string | undefined} abiVersionFile contents of node_modules/electron/abi_version, if any
 * @param {(() => string | number) | undefined} fromNodeAbi
 * @returns {number}
 */
export function electronAbi(abiVersionFile, fromNodeAbi) {
  const fromFile = Number.parseInt(abiVersionFile?.trim() ?? '', 10);
  if (Number.isInteger(fromFile) && fromFile > 0) return fromFile;
  const fromRegistry = fromNodeAbi ? Number.parseInt(String(fromNodeAbi()), 10) : Number.NaN;
  if (Number.isInteger(fromRegistry) && fromRegistry > 0) return fromRegistry;
  throw new Error("cannot tell Electron's module ABI: node_modules/electron/abi_version is missing and node-abi does not know this version");
}

/**
 * What to do, given what is already at the target path.
 * @param {{ existing: { ok: true } | { ok: false, why: string } | null, force: boolean, fromSource: boolean }} state
 * @returns {{ done: boolean, removeExisting: boolean, steps: Array<'prebuilt' | 'compile'> }}
 */
export function planBuild({ existing, force, fromSource }) {
  if (existing?.ok && !force) return { done: true, removeExisting: false, steps: [] };
  return {
    done: false,
    // A wrong build goes at once, so it is never left behind even if nothing better can be made.
    // A good one stays until a new good one replaces it.
    removeExisting: existing !== null && !existing.ok,
    steps: fromSource ? ['compile'] : ['prebuilt', 'compile'],
  };
}

const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|network connectivity|getaddrinfo/i;

/**
 * @typedef {{ step: 'prebuilt' | 'compile', outcome: 'ok' | 'offline' | 'unavailable' | 'skipped' | 'failed' | 'wrong-abi', detail: string }} Attempt
 */

/**
 * Reads what prebuild-install printed (it exits 1 on any failure, so the text is all there is).
 * @param {string} output
 * @param {number | null} exitCode
 * @returns {Attempt}
 */
export function classifyPrebuilt(output, exitCode) {
  if (exitCode === 0) return { step: 'prebuilt', outcome: 'ok', detail: '' };
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.some((l) => /build-from-source specified/.test(l))) {
    return { step: 'prebuilt', outcome: 'skipped', detail: 'build-from-source is set in the npm config' };
  }
  const warn = lines.filter((l) => /prebuild-install (warn|ERR!?|error)/i.test(l)).map((l) => l.replace(/^prebuild-install (warn|ERR!?|error)\s+(install\s+)?/i, ''));
  const detail = warn.at(-1) ?? lines.at(-1) ?? `prebuild-install exited with ${exitCode}`;
  if (/No prebuilt binaries found/i.test(detail)) return { step: 'prebuilt', outcome: 'unavailable', detail };
  if (OFFLINE.test(output)) return { step: 'prebuilt', outcome: 'offline', detail };
  return { step: 'prebuilt', outcome: 'failed', detail };
}

/**
 * Reads what node-gyp printed: its `gyp ERR!` lines minus the stack trace and the environment dump.
 * @param {string} output
 * @param {number | null} exitCode
 * @returns {Attempt}
 */
export function classifyCompile(output, exitCode) {
  if (exitCode === 0) return { step: 'compile', outcome: 'ok', detail: '' };
  const lines = output.split(/\r?\n/).map((l) => l.trim());
  const errors = lines
    .filter((l) => l.startsWith('gyp ERR!'))
    .map((l) => l.replace(/^gyp ERR!\s*(stack\s*)?/, '').trim())
    .filter((l) => l && !/^(at |System |command |cwd |node -v|node-gyp -v|not ok|configure error|build error)/.test(l));
  const fetching = lines.filter((l) => l.startsWith('gyp http GET')).map((l) => l.replace('gyp http GET', '').trim()).at(-1);
  if (OFFLINE.test(output)) {
    return { step: 'compile', outcome: 'offline', detail: `could not download Electron's headers${fetching ? ` (${fetching})` : ''}` };
  }
  const compilerError = lines.find((l) => /(error:|\*\*\*)/.test(l) && !l.startsWith('gyp'));
  const detail = [compilerError, ...errors.slice(0, 2)].filter(Boolean).join(' / ') || `node-gyp exited with ${exitCode}`;
  return { step: 'compile', outcome: 'failed', detail };
}

/**
 * The environment for node-gyp. node-gyp takes every `npm_config_<key>` in its environment as an
 * option, and those win over its command line: a `nodedir` in ~/.npmrc or the global npmrc (npm
 * exports it to scripts as npm_config_nodedir, and npx exports it again) silently makes it compile
 * against that Node's headers whatever --target and --runtime say. So keep only the keys that are
 * about reaching the network or finding tools.
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, string>}
 */
export function nodeGypEnv(env) {
  const keep = new Set(['proxy', 'https_proxy', 'http_proxy', 'noproxy', 'no_proxy', 'cafile', 'python', 'msvs_version', 'devdir', 'jobs', 'loglevel']);
  /** @type {Record<string, string>} */
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    const lower = k.toLowerCase();
    if (lower.startsWith('npm_package_config_node_gyp_')) continue;
    if (lower.startsWith('npm_config_') && !keep.has(lower.slice('npm_config_'.length).replaceAll('-', '_'))) continue;
    out[k] = v;
  }
  return out;
}

/**
 * What the person reads when no good build could be made: one paragraph, what was tried, why each
 * failed, that nothing was left behind, and what to do.
 * @param {{ electronVersion: string, expectedAbi: number, target: string, attempts: Attempt[], removed: string | null, keptExisting: boolean, logFile: string | null }} r
 *   removed: why a file already at `target` was deleted (it did not fit Electron), if one was
 * @returns {string}
 */
export function failureMessage({ electronVersion, expectedAbi, target, attempts, removed, keptExisting, logFile }) {
  const what = (/** @type {Attempt} */ a) => {
    if (a.step === 'prebuilt') {
      if (a.outcome === 'offline') return `could not download the prebuilt binary (offline?): ${a.detail}`;
      if (a.outcome === 'unavailable') return `better-sqlite3 publishes no prebuilt binary for it: ${a.detail}`;
      if (a.outcome === 'skipped') return `skipped the prebuilt binary (${a.detail})`;
      if (a.outcome === 'wrong-abi') return `the downloaded prebuilt binary is unusable: ${a.detail}`;
      return `the prebuilt binary failed: ${a.detail}`;
    }
    if (a.outcome === 'offline') return `compiling against Electron's headers failed: ${a.detail}`;
    if (a.outcome === 'wrong-abi') return `compiling produced the wrong binary: ${a.detail}`;
    return `compiling against Electron's headers failed: ${a.detail}`;
  };
  const offline = attempts.some((a) => a.outcome === 'offline');
  const compileFailed = attempts.some((a) => a.step === 'compile' && a.outcome === 'failed');
  const compiledWrong = attempts.some((a) => a.step === 'compile' && a.outcome === 'wrong-abi');
  const todo = compiledWrong
    ? `Something pointed node-gyp at other headers than Electron's: look for a nodedir or devdir in your npm config (\`npm config ls -l\`) and at node-gyp's header cache for ${electronVersion} (~/.cache/node-gyp/${electronVersion}; delete it), then run \`npm run native:electron -- --force\`.`
    : offline
    ? 'Connect to the network (the prebuilt binary comes from github.com, Electron\'s headers from electronjs.org) and run `npm run native:electron -- --force`, or `npm start` again.'
    : compileFailed
      ? 'Install a C++ toolchain (make, g++ and python3; Xcode\'s command line tools on macOS; Visual Studio Build Tools on Windows) and run `npm run native:electron -- --force`.'
      : 'Run `npm run native:electron -- --force` to try again; `--from-source` skips the prebuilt binary.';
  const sentences = [
    `better-sqlite3 for Electron ${electronVersion} (module ABI ${expectedAbi}) could not be built: ${attempts.map(what).join('; and ')}.`,
    removed ? `Removed the earlier ${target}: ${removed}.` : '',
    keptExisting ? `The earlier, working ${target} is kept.` : `Nothing was written to ${target}.`,
    todo,
    logFile ? `Full output: ${logFile}` : '',
  ];
  return sentences.filter(Boolean).join(' ');
}
