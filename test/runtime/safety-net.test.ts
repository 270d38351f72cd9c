import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, GAVE_UP_EXIT_CODE, installSafetyNet, isStorm } from '../../src/main/core/runtime/safety-net';

const TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

function runChild(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'safety-net-child.ts'), ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

describe('describeFailure', () => {
  it('gives kind, code, message and where, never quoted input or a token', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"title":"a private transcript line"');
    } catch (e) {
      parseError = e;
    }
    const line = describeFailure(parseError);
    expect(line).toMatch(/^SyntaxError: /);
    expect(line).not.toContain('private transcript');
    // V8 quotes the first ten characters of text that is not JSON at all: those go too.
    let short: unknown;
    try {
      JSON.parse('Approve payroll for Alice');
    } catch (e) {
      short = e;
    }
    expect((short as Error).message).toContain('Approve pa');
    expect(describeFailure(short)).toMatch(/^SyntaxError: Unexpected token '…', "…"\.\.\. is not valid JSON/);
    expect(describeFailure(Object.assign(new Error(`refused ${TOKEN}`), { code: 'E_REFUSED' }))).not.toContain(TOKEN);
    expect(describeFailure(Object.assign(new Error('x'), { code: 'E_REFUSED' }))).toMatch(/^Error E_REFUSED: x \(at safety-net\.test\.ts:\d+\)$/);
    expect(describeFailure('a string')).toBe('a string was thrown');
    expect(describeFailure(null)).toBe('a null was thrown');
  });
});

describe('the safety net', () => {
  it('counts and logs each failure once and keeps going; a storm of ten in a minute gives up', () => {
    const target = new EventEmitter();
    const lines: string[] = [];
    const gaveUp: number[] = [];
    let now = 0;
    const net = installSafetyNet(target as never, { name: 'test', log: (l) => lines.push(l), giveUp: (c) => gaveUp.push(c), now: () => now });
    target.emit('unhandledRejection', new Error('one'));
    target.emit('uncaughtException', new TypeError('two'));
    expect(net.counts).toEqual({ unhandledRejections: 1, uncaughtExceptions: 1 });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^test: a promise failed and nothing handled it \(kept running\): Error: one/);
    // Spread out, any number is survived; ten within a minute is a storm.
    for (let i = 0; i < 20; i++) {
      now += 10_000;
      target.emit('uncaughtException', new Error('slow'));
    }
    expect(gaveUp).toEqual([]);
    for (let i = 0; i < 10; i++) target.emit('uncaughtException', new Error('fast'));
    expect(gaveUp[0]).toBe(GAVE_UP_EXIT_CODE);
    net.remove();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(isStorm([1, 2, 3], 4)).toBe(false);
  });

  it('keeps a real process running through a throw in a timer, an unhandled rejection and a parse error', async () => {
    const { code, out, err } = await runChild();
    expect(code).toBe(0);
    expect(out).toBe(`alive {"unhandledRejections":1,"uncaughtExceptions":3}\n`);
    expect(err).toContain('child: an error escaped its handler (kept running): TypeError: boom in a timer');
    expect(err).toContain('child: a promise failed and nothing handled it (kept running): Error: backend said no to');
    expect(err).not.toContain(TOKEN);
    expect(err).not.toContain('private transcript');
    expect(err).not.toContain('Approve pa');
  });

  it('ends a real process with its give-up code when failures storm', async () => {
    const { code, out, err } = await runChild('storm');
    expect(code).toBe(GAVE_UP_EXIT_CODE);
    expect(out).toBe('');
    expect(err).toContain('child: 10 failures within a minute; stopping so it can start afresh');
  });
});
