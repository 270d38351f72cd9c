import { serialize, deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CoreToMain, MainToCore } from '../../src/main/core/runtime/core-link';

// Every message crosses a process boundary by structured clone (parentPort, utilityProcess):
// v8's serializer is that clone, so each valid message is checked after one.
const clone = <T>(value: T): T => deserialize(serialize(value)) as T;

const NOTIFY = {
  scope: 'all',
  failures: true,
  quietHours: { start: '22:00', end: '07:00' },
  snoozedUntil: null,
  followUps: true,
  reminderMinutes: 30,
  sound: true,
  mutedFlows: [{ id: 'fl_1', name: 'Dependency upgrade' }],
};

const DEMO = { id: 'demo', name: null, color: null, notify: null, backendUrl: null, token: null };

describe('main → core messages', () => {
  const valid: unknown[] = [
    {
      t: 'start',
      profiles: [{ id: 'acme', name: 'Acme Corp', color: '#3b82f6', notify: 'all', backendUrl: 'wss://api.example/stream', token: 'secret' }],
      dataDir: '/data',
      adoptLegacyCacheAs: 'acme',
      nativeBinding: '/n/better_sqlite3.node',
      notify: NOTIFY,
      coreRestart: null,
      update: null,
    },
    { t: 'start', profiles: [DEMO], dataDir: '/data', adoptLegacyCacheAs: null, notify: NOTIFY, coreRestart: { count: 2, at: 1_700_000_000_000, reason: 'exited with code 9' }, update: { phase: 'ready', automatic: true, version: '1.2.3', percent: null, error: null, checkedAt: 5 } },
    { t: 'profiles', profiles: [DEMO, { id: 'globex', name: null, color: null, notify: null, backendUrl: 'wss://globex.example/stream', token: 'other' }] },
    { t: 'reconnectNow' },
    { t: 'update', status: { phase: 'downloading', automatic: false, version: '1.2.3', percent: 40, error: null, checkedAt: null } },
    { t: 'reconnectAfterWake' },
    { t: 'notifySettings', patch: { snoozedUntil: 1_700_000_000_000 } },
    { t: 'command', id: 1, request: { action: 'approve', sessionId: 'fr_1', checkpointId: 'cp_1' } },
    { t: 'remindLater', params: { sessionId: 'fr_1', minutes: 60 } },
    { t: 'reply', id: 3, ok: false, error: 'refused' },
    { t: 'client' },
    { t: 'stop' },
  ];
  it.each(valid.map((m) => [(m as { t: string }).t, m]))('accepts %s, also after a structured clone', (_t, message) => {
    expect(MainToCore.parse(clone(message))).toEqual(message);
  });

  const invalid: Array<[string, unknown]> = [
    ['an unknown type', { t: 'eval', code: '1' }],
    ['a start without its data directory', { t: 'start', profiles: [DEMO], dataDir: '', notify: NOTIFY, coreRestart: null }],
    ['a restart count of zero', { t: 'start', profiles: [DEMO], dataDir: '/d', notify: NOTIFY, coreRestart: { count: 0, at: 1, reason: 'x' } }],
    ['a profile id that could climb out of its folder', { t: 'profiles', profiles: [{ ...DEMO, id: '../etc' }] }],
    ['an approve without its checkpoint', { t: 'command', id: 1, request: { action: 'approve', sessionId: 'fr_1' } }],
    ['a reminder in no time', { t: 'remindLater', params: { sessionId: 'fr_1', minutes: 0 } }],
    ['a reminder without its session', { t: 'remindLater', params: { minutes: 60 } }],
    ['a snooze that is not a time', { t: 'notifySettings', patch: { snoozedUntil: 'soon' } }],
    ['an update in a phase it does not know', { t: 'update', status: { phase: 'installing', automatic: true, version: null, percent: null, error: null, checkedAt: null } }],
    ['not an object', 'stop'],
  ];
  it.each(invalid)('refuses %s', (_name, message) => {
    expect(MainToCore.safeParse(message).success).toBe(false);
  });
});

describe('core → main messages', () => {
  it('accepts what the core sends', () => {
    const messages = [
      { t: 'ready' },
      { t: 'summary', summary: { active: 12, needsYou: 3, phase: 'reconnecting', offlineSince: 5, demo: false, troubled: ['Globex: offline'] } },
      { t: 'notify', event: { event: 'notify', sessionId: 'fr_1', checkpointId: 'cp_1', title: 'Approve?', body: 'Deploy', at: '2025-01-01T00:00:00Z' } },
      { t: 'request', id: 1, method: 'updateAppSettings', params: { theme: 'dark' } },
      { t: 'reply', id: 1, ok: true, result: { ok: true } },
      { t: 'log', level: 'info', message: 'caught up at seq 5' },
      { t: 'failed', message: 'the cache is locked' },
    ];
    for (const m of messages) expect(CoreToMain.parse(clone(m))).toEqual(m);
  });

  it('refuses requests main does not serve, negative counts and unknown phases', () => {
    expect(CoreToMain.safeParse({ t: 'request', id: 1, method: 'readFile', params: {} }).success).toBe(false);
    expect(CoreToMain.safeParse({ t: 'summary', summary: { active: -1, needsYou: 0, phase: 'live', offlineSince: null, demo: false } }).success).toBe(false);
    expect(CoreToMain.safeParse({ t: 'summary', summary: { active: 1, needsYou: 0, phase: 'asleep', offlineSince: null, demo: false } }).success).toBe(false);
    expect(CoreToMain.safeParse({ t: 'notify', event: 'x' }).success).toBe(false);
  });
});
