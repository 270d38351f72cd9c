// utilityProcess (docs/api/utility-process.md; lib/browser/api/utility-process.ts for the option
// checks; shell/browser/api/electron_api_utility_process.cc for spawn/exit/kill/pid). Each child
// is a real Node process whose `electron` is the utility-side stand-in (../utility/); its
// parentPort and any MessagePorts travel over a socket that is the child's fd 3 (frames.mjs),
// relayed by port-hub.mjs.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { PassThrough } from 'node:stream';
import { app } from './app.mjs';
import { CHANNEL_FD, frame, unframer } from './frames.mjs';
import { checkTransfer, deserialize, serialize } from './message-port.mjs';
import { bounced, closeFrom, describePorts, dropLocation, relocate, route } from './port-hub.mjs';
import { guard, onCommand, onExit, report } from './runtime.mjs';
import { net } from './system.mjs';

const REGISTER = new URL('../utility/register.mjs', import.meta.url);
const all = new Map();
let nextId = 1;

/** utility-process.ts: the stdio forms Electron accepts, with its error messages. */
function stdioOf(stdio = 'inherit') {
  if (typeof stdio === 'string') {
    if (!['inherit', 'ignore', 'pipe'].includes(stdio)) throw new Error('stdio must be of the following values: inherit, pipe, ignore');
    return ['ignore', stdio, stdio];
  }
  if (!Array.isArray(stdio) || stdio.length < 3) throw new Error('configuration missing for stdin, stdout or stderr.');
  if (stdio[0] !== 'ignore') throw new Error('stdin value other than ignore is not supported.');
  if (!['inherit', 'ignore', 'pipe'].includes(stdio[1])) throw new Error('stdout configuration must be of the following values: inherit, pipe, ignore');
  if (!['inherit', 'ignore', 'pipe'].includes(stdio[2])) throw new Error('stderr configuration must be of the following values: inherit, pipe, ignore');
  return stdio.slice(0, 3);
}

class UtilityProcess extends EventEmitter {
  constructor(modulePath, args, options) {
    super();
    if (!modulePath) throw new Error('Missing UtilityProcess entry script.');
    if (args != null && typeof args === 'object' && !Array.isArray(args)) [options, args] = [args, []];
    args ??= [];
    options = { ...(options ?? {}) };
    if (options.execArgv != null && !Array.isArray(options.execArgv)) throw new TypeError('execArgv must be an array of strings.');
    if (options.serviceName != null && typeof options.serviceName !== 'string') throw new TypeError('serviceName must be a string.');
    if (options.cwd != null && typeof options.cwd !== 'string') throw new TypeError('cwd path must be a string.');
    const stdio = stdioOf(options.stdio);
    // electron_api_utility_process.cc Create(): checked after the JS-side option checks.
    if (!app.isReady()) throw new TypeError('utilityProcess cannot be created before app is ready.');
    const id = nextId++;
    const s = { id, child: null, pid: undefined, killed: false, exited: false, exitCode: null, signal: null, toChild: 0, fromChild: 0, stdout: null, stderr: null };
    Object.defineProperty(this, '_s', { value: s });
    s.info = { id, modulePath: String(modulePath), args: [...args], serviceName: options.serviceName ?? 'Node Utility Process', stdio, cwd: options.cwd ?? null, execArgv: options.execArgv ?? [], allowLoadingUnsignedLibraries: !!options.allowLoadingUnsignedLibraries };
    if (stdio[1] === 'pipe') s.stdout = new PassThrough();
    if (stdio[2] === 'pipe') s.stderr = new PassThrough();
    s.loc = { kind: 'utility', name: `utility:${id}`, deliver: (port, data, ports) => this._send({ su: 'port', id: port, data, ports }), peerClosed: (port) => this._send({ su: 'port-close', id: port }) };
    // The utility side reads what it must know before any of its code runs from its --import URL.
    const register = new URL(REGISTER);
    register.searchParams.set('online', net.isOnline() ? '1' : '0');
    // "Inherit parent process environment when there is no custom environment provided."
    const env = options.env && Object.keys(options.env).length > 0 ? { ...options.env } : { ...process.env };
    // node_service.cc runs the entry with unhandled rejections as warn-with-error-code.
    const execArgv = ['--import', register.href, '--unhandled-rejections=warn-with-error-code', ...(options.execArgv ?? [])];
    s.child = spawn(process.execPath, [...execArgv, String(modulePath), ...args.map(String)], { cwd: options.cwd, env, stdio: [...stdio, 'pipe'] });
    s.channel = s.child.stdio?.[CHANNEL_FD] ?? null;
    s.channel?.on('data', unframer((msg) => this._fromChild(msg)));
    // A failed spawn or a child that died mid-write: 'exit'/'close' report it.
    s.channel?.on('error', () => {});
    if (s.stdout) s.child.stdout.pipe(s.stdout);
    if (s.stderr) s.child.stderr.pipe(s.stderr);
    all.set(id, this);
    s.child.on('spawn', () => {
      s.pid = s.child.pid;
      report('utility-spawn', { id, pid: s.pid, serviceName: s.info.serviceName, modulePath: s.info.modulePath });
      this.emit('spawn');
    });
    s.child.on('error', (error) => { if (s.pid === undefined) this._terminated(1, null, error); });
    // 'close': after the exit and the end of its piped output.
    s.child.on('close', (code, signal) => this._terminated(code, signal));
  }

  get pid() { return this._s.pid; }
  get stdout() { return this._s.stdout; }
  get stderr() { return this._s.stderr; }

  /** Queued in the pipe if the child has not started yet, as Electron's connector does. */
  postMessage(message, transfer) {
    if (this._s.exited) return undefined;
    const data = serialize(message);
    const ports = (Array.isArray(transfer) ? checkTransfer(transfer, null) : []).map((p) => p._detach());
    relocate(ports, this._s.loc);
    this._s.toChild++;
    this._send({ su: 'parent', data, ports });
    return undefined;
  }

  /** SIGTERM, then SIGKILL after 2 s (base::EnsureProcessTerminated); 'exit' then reports 0. */
  kill() {
    const s = this._s;
    if (s.pid === undefined) return false;
    const ok = s.child.kill('SIGTERM');
    if (ok) {
      s.killed = true;
      setTimeout(() => { if (!s.exited) s.child.kill('SIGKILL'); }, 2000).unref();
    }
    return ok;
  }

  _send(msg) {
    if (this._s.channel?.writable) this._s.channel.write(frame(msg));
  }

  _fromChild(msg) {
    if (msg?.su === 'parent') {
      this._s.fromChild++;
      this.emit('message', deserialize(msg.data));
    } else if (msg?.su === 'port') route(msg.from, msg.data, msg.ports);
    else if (msg?.su === 'port-close') closeFrom(msg.id);
    else if (msg?.su === 'bounce') bounced(msg.id, msg.data, msg.ports);
  }

  /** HandleTermination: pid cleared, ports gone, then 'exit' with waitpid's code (the signal's number for a signal). */
  _terminated(code, signal, error) {
    const s = this._s;
    if (s.exited) return;
    s.exited = true;
    let exitCode = code ?? constants.signals[signal] ?? 1;
    if (s.killed && (exitCode === constants.signals.SIGTERM || exitCode === constants.signals.SIGKILL)) exitCode = 0;
    Object.assign(s, { pid: undefined, exitCode, signal });
    dropLocation(s.loc);
    report('utility-exit', { id: s.id, code: exitCode, signal, error: error ? String(error.message) : null });
    try {
      this.emit('exit', exitCode);
    } finally {
      for (const key of ['stdout', 'stderr']) { s[key]?.removeAllListeners(); s[key] = null; }
    }
  }

  _describe() {
    const s = this._s;
    return { ...s.info, pid: s.pid ?? s.child.pid ?? null, alive: !s.exited && s.pid !== undefined, exitCode: s.exitCode, signal: s.signal, killed: s.killed, messages: { toChild: s.toChild, fromChild: s.fromChild } };
  }
}

export const utilityProcess = guard('utilityProcess', {
  fork: (modulePath, args, options) => guard('UtilityProcess', new UtilityProcess(modulePath, args, options)),
});

// When the app ends, Chromium takes its service processes with it.
const killAll = (signal) => { for (const u of all.values()) if (!u._s.exited) u._s.child.kill(signal); };
onExit(() => killAll('SIGTERM'));
process.on('exit', () => killAll('SIGKILL'));

onCommand('message-ports', () => describePorts());
onCommand('utility-processes', () => [...all.values()].map((u) => u._describe()));
/** From outside, as a crash or the OOM killer would: not utilityProcess.kill(), so 'exit' has the signal's code. */
onCommand('utility-kill', ({ id, signal = 'SIGKILL' }) => {
  const u = all.get(id);
  if (!u) throw new Error(`no utility process ${id}`);
  if (u._s.pid === undefined) return false;
  return process.kill(u._s.pid, signal);
});
