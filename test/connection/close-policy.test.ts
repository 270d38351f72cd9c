import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_CAP_MS } from '../../src/main/core/connection/backoff';
import { afterClose } from '../../src/main/core/connection/close-policy';
import { checkBackendUrl } from '../../src/shared/backend-url';

const ctx = { backoffMs: 1234, retryAfterMs: null, random: () => 0.5 };

describe('backoff (full jitter, base 500 ms, cap 30 s)', () => {
  it('draws from [0, min(cap, 500 · 2^attempt))', () => {
    expect(backoffDelay(0, () => 0.999)).toBe(499);
    expect(backoffDelay(3, () => 0.5)).toBe(2000);
    expect(backoffDelay(10, () => 0.999)).toBe(BACKOFF_CAP_MS - 30);
    expect(backoffDelay(1000, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(5, () => 0)).toBe(0);
  });
});

describe('what each close code does (PROTOCOL.md section 2)', () => {
  it.each([1000, 1008, 1011, 1006, 4999])('%i reconnects with backoff', (code) => {
    expect(afterClose({ kind: 'close', code }, ctx)).toEqual({ kind: 'reconnect', delayMs: 1234 });
  });
  it('1001 reconnects after a random 0 to 2 s', () => {
    expect(afterClose({ kind: 'close', code: 1001 }, ctx)).toEqual({ kind: 'reconnect', delayMs: 1000 });
  });
  it('4001 and HTTP 401 stop with sign-in needed', () => {
    expect(afterClose({ kind: 'close', code: 4001 }, ctx)).toMatchObject({ kind: 'stop', phase: 'signin-needed' });
    expect(afterClose({ kind: 'http', status: 401 }, ctx)).toMatchObject({ kind: 'stop', phase: 'signin-needed' });
  });
  it('4002 and a missing subprotocol stop with update needed', () => {
    expect(afterClose({ kind: 'close', code: 4002 }, ctx)).toMatchObject({ kind: 'stop', phase: 'update-needed' });
    expect(afterClose({ kind: 'no-subprotocol' }, ctx)).toMatchObject({ kind: 'stop', phase: 'update-needed' });
  });
  it('4003 waits retryAfterMs plus up to 1 s of jitter', () => {
    expect(afterClose({ kind: 'close', code: 4003 }, { ...ctx, retryAfterMs: 5000 })).toEqual({ kind: 'reconnect', delayMs: 5500 });
  });
  it('4004 drops the cursor', () => {
    expect(afterClose({ kind: 'close', code: 4004 }, ctx)).toEqual({ kind: 'reconnect', delayMs: 1234, dropCursor: true });
  });
  it('other HTTP statuses and network errors back off', () => {
    expect(afterClose({ kind: 'http', status: 503 }, ctx)).toEqual({ kind: 'reconnect', delayMs: 1234 });
    expect(afterClose({ kind: 'network' }, ctx)).toEqual({ kind: 'reconnect', delayMs: 1234 });
  });
});

describe('checkBackendUrl', () => {
  it.each(['wss://api.discoparrot.example/stream', 'ws://localhost:8787', 'ws://127.0.0.1:1/x', 'ws://127.255.0.9', 'ws://[::1]:9000'])('accepts %s', (url) => {
    expect(checkBackendUrl(url).ok).toBe(true);
  });
  it.each([
    ['ws://api.discoparrot.example/stream', /only to this computer/],
    ['ws://192.168.1.10:8787', /only to this computer/],
    ['ws://128.0.0.1', /only to this computer/],
    ['ws://localhost.evil.example', /only to this computer/],
    ['https://api.discoparrot.example', /unsupported scheme/],
    ['wss://ada:hunter2@api.discoparrot.example', /must not carry credentials/],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, message) => {
    const check = checkBackendUrl(url);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });
});
