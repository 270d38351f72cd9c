// app.requestSingleInstanceLock on Linux (docs/api/app.md; Chromium's ProcessSingleton): a
// `SingletonLock` symlink in userData naming host-pid is the lock; the primary listens on a
// loopback socket whose port sits next to it. A second instance sends its argv, cwd and
// additionalData synchronously (the call is synchronous in Electron too) and gets `false`.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEND = fileURLToPath(new URL('./singleton-send.mjs', import.meta.url));
let held = null;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function tryLink(lock) {
  try {
    symlinkSync(`${hostname()}-${process.pid}`, lock);
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const pid = Number(readlinkSync(lock).split('-').pop());
    if (alive(pid) && pid !== process.pid) return false;
    rmSync(lock, { force: true }); // stale lock of a dead instance, as ProcessSingleton cleans it up
    return tryLink(lock);
  }
}

/** Takes the lock or hands argv to the holder. `onMessage` gets the primary's second-instance data. */
export function requestLock(userData, additionalData, onMessage) {
  if (held) return true;
  mkdirSync(userData, { recursive: true });
  const lock = join(userData, 'SingletonLock');
  const portFile = join(userData, 'SingletonPort');
  if (!tryLink(lock)) {
    const payload = JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData: additionalData ?? null });
    try {
      const port = readFileSync(portFile, 'utf8').trim();
      execFileSync(process.execPath, [SEND, port], { input: payload, timeout: 5000, stdio: ['pipe', 'ignore', 'ignore'] });
    } catch {
      // The primary is starting or hung: Electron also returns false then (the message is lost).
    }
    return false;
  }
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => {
      socket.end('ACK');
      try {
        onMessage(JSON.parse(data));
      } catch {}
    });
  });
  server.listen(0, '127.0.0.1', () => writeFileSync(portFile, String(server.address().port)));
  server.unref();
  held = { lock, portFile, server };
  process.on('exit', releaseLock);
  return true;
}

export function hasLock() {
  return held !== null;
}

export function releaseLock() {
  if (!held) return;
  held.server.close();
  rmSync(held.lock, { force: true });
  rmSync(held.portFile, { force: true });
  held = null;
}
