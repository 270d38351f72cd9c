import { describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH, Session, TranscriptEntry } from '../../src/shared/protocol';
import { chat, checkpoint, flowRun, task } from './fixtures';

/** PROTOCOL.md section 4, verbatim. */
const EXAMPLE = {
  id: 'fr_7',
  kind: 'flow_run',
  title: 'Nightly dependency upgrade',
  status: 'paused',
  owner: { id: 'u_ada', name: 'Ada Lovelace' },
  initiative: { id: 'in_4', name: 'Platform hygiene' },
  plan: { id: 'pl_2', name: 'Q4 upgrades' },
  createdAt: '2026-11-24T09:12:03.000Z',
  updatedAt: '2026-11-24T09:40:11.000Z',
  webUrl: 'https://app.discoparrot.example/runs/fr_7',
  error: null,
  checkpoint: {
    id: 'cp_3',
    step: 'Open pull request',
    prompt: 'Open a PR touching 14 files?',
    requestedAt: '2026-11-24T09:40:11.000Z',
  },
  flow: {
    flowId: 'fl_1',
    flowName: 'Dependency upgrade',
    stepIndex: 2,
    stepCount: 5,
    steps: [
      { name: 'Scan', status: 'succeeded' },
      { name: 'Open pull request', status: 'paused' },
    ],
  },
  origin: { surface: 'schedule', sandbox: 'sbx_81', profile: 'default', runtime: 'node22', repo: 'acme/api', branch: 'deps/nightly' },
};

const { flow: _flow, ...EXAMPLE_BASE } = EXAMPLE;
const TASK_DETAILS = { turns: 12, parentId: null, childIds: ['bt_9'], backgroundedFrom: { kind: 'chat', id: 'ch_3' } };
const CHAT_DETAILS = { mode: 'ask', messageCount: 8, lastMessageAt: '2026-11-24T09:40:11.000Z', ended: false };

const parses = (value: unknown): boolean => Session.safeParse(value).success;

describe('Session: the spec examples', () => {
  it('parses the section 4 example unchanged', () => {
    expect(Session.parse(EXAMPLE)).toEqual(EXAMPLE);
  });

  it('parses the task and chat detail objects of section 4', () => {
    const t = Session.parse({ ...EXAMPLE_BASE, id: 'bt_1', kind: 'background_task', status: 'running', task: TASK_DETAILS });
    expect(t.kind === 'background_task' && t.task).toEqual(TASK_DETAILS);
    const c = Session.parse({ ...EXAMPLE_BASE, id: 'ch_1', kind: 'chat', status: 'open', checkpoint: null, chat: CHAT_DETAILS });
    expect(c.kind === 'chat' && c.chat).toEqual(CHAT_DETAILS);
  });

  it('accepts an error object, and no checkpoint, initiative, plan or origin', () => {
    const { checkpoint: _c, initiative: _i, plan: _p, origin: _o, ...bare } = EXAMPLE;
    expect(parses({ ...bare, status: 'failed', error: { code: 'step_failed', message: 'npm test exited 1' } })).toBe(true);
  });

  it('the test fixtures are valid sessions', () => {
    for (const s of [flowRun(), task(), chat(), flowRun({ checkpoint: checkpoint() })]) {
      expect(Session.parse(s)).toEqual(s);
    }
  });
});

describe('Session: kind and its matching object', () => {
  it.each([
    ['flow_run without flow', { ...EXAMPLE_BASE }],
    ['flow_run with task instead of flow', { ...EXAMPLE_BASE, task: TASK_DETAILS }],
    ['flow_run with chat instead of flow', { ...EXAMPLE_BASE, chat: CHAT_DETAILS }],
    ['background_task without task', { ...EXAMPLE_BASE, kind: 'background_task' }],
    ['background_task with flow instead of task', { ...EXAMPLE, kind: 'background_task' }],
    ['chat without chat', { ...EXAMPLE_BASE, kind: 'chat' }],
    ['chat with task instead of chat', { ...EXAMPLE_BASE, kind: 'chat', task: TASK_DETAILS }],
    ['an unknown kind', { ...EXAMPLE, kind: 'meeting' }],
    ['no kind', { ...EXAMPLE_BASE, flow: EXAMPLE.flow, kind: undefined }],
  ])('rejects %s', (_label, value) => {
    expect(parses(value)).toBe(false);
  });

  it('rejects a malformed detail object (its required parts; an optional part is read as absent)', () => {
    expect(parses({ ...EXAMPLE, flow: { ...EXAMPLE.flow, stepIndex: '2' } })).toBe(false);
    expect(Session.parse({ ...EXAMPLE_BASE, kind: 'chat', chat: { ...CHAT_DETAILS, mode: 'shout' } })).toMatchObject({ chat: { mode: undefined } });
    expect(parses({ ...EXAMPLE_BASE, kind: 'chat', chat: { ...CHAT_DETAILS, lastMessageAt: 'yesterday' } })).toBe(false);
    expect(parses({ ...EXAMPLE_BASE, kind: 'background_task', task: { ...TASK_DETAILS, turns: -1 } })).toBe(false);
  });
});

describe('Session: forward compatibility', () => {
  it('strips unknown fields at the top level and inside nested objects', () => {
    const parsed = Session.parse({
      ...EXAMPLE,
      priority: 'high',
      owner: { ...EXAMPLE.owner, avatarUrl: 'https://example/a.png' },
      flow: { ...EXAMPLE.flow, retries: 3 },
      checkpoint: { ...EXAMPLE.checkpoint, options: ['yes', 'no'] },
    });
    expect(parsed).toEqual(EXAMPLE);
    expect(parsed).not.toHaveProperty('priority');
    expect(parsed.owner).not.toHaveProperty('avatarUrl');
  });

  it('drops the detail object of another kind rather than rejecting', () => {
    const parsed = Session.parse({ ...EXAMPLE, task: TASK_DETAILS });
    expect(parsed).not.toHaveProperty('task');
    expect(parsed.kind).toBe('flow_run');
  });

  it('keeps an unknown status as it is', () => {
    expect(Session.parse({ ...EXAMPLE, status: 'hibernating' }).status).toBe('hibernating');
  });

  it('keeps an unknown origin surface', () => {
    expect(Session.parse({ ...EXAMPLE, origin: { surface: 'jetbrains' } }).origin).toEqual({ surface: 'jetbrains' });
  });
});

describe('Session: ids', () => {
  const long = 'x'.repeat(MAX_ID_LENGTH);

  it('the limit is 128 characters', () => {
    expect(MAX_ID_LENGTH).toBe(128);
  });

  it('accepts an id of exactly 128 characters', () => {
    expect(parses({ ...EXAMPLE, id: long })).toBe(true);
  });

  it('rejects an id of 129 characters', () => {
    expect(parses({ ...EXAMPLE, id: `${long}x` })).toBe(false);
  });

  it('rejects over-long ids anywhere in the session', () => {
    expect(parses({ ...EXAMPLE, owner: { id: `${long}x`, name: 'Ada' } })).toBe(false);
    expect(parses({ ...EXAMPLE, checkpoint: { ...EXAMPLE.checkpoint, id: `${long}x` } })).toBe(false);
    // flowId is optional (section 4): an over-long one is read as absent, the session kept.
    expect(Session.parse({ ...EXAMPLE, flow: { ...EXAMPLE.flow, flowId: `${long}x` } })).toMatchObject({ flow: { flowId: undefined } });
  });

  it('rejects an empty or non-string id', () => {
    expect(parses({ ...EXAMPLE, id: '' })).toBe(false);
    expect(parses({ ...EXAMPLE, id: 7 })).toBe(false);
  });
});

describe('Session: timestamps', () => {
  it('accepts ISO 8601 UTC with or without milliseconds', () => {
    expect(parses({ ...EXAMPLE, updatedAt: '2026-11-24T09:40:11Z' })).toBe(true);
  });

  it('rejects a time that is not ISO 8601', () => {
    expect(parses({ ...EXAMPLE, updatedAt: 'Tue, 24 Nov 2026 09:40:11 GMT' })).toBe(false);
    expect(parses({ ...EXAMPLE, updatedAt: 1795000000000 })).toBe(false);
  });
});

describe('TranscriptEntry', () => {
  const toolCall = {
    seq: 14,
    at: '2026-11-24T09:40:11.000Z',
    kind: 'tool_call',
    toolCall: { name: 'shell', input: { cmd: 'npm test' }, output: '…', status: 'ok', durationMs: 5120 },
  };

  it('parses the section 6 example', () => {
    expect(TranscriptEntry.parse(toolCall)).toEqual(toolCall);
  });

  it('parses one of every other kind', () => {
    const at = '2026-11-24T09:40:11.000Z';
    for (const entry of [
      { seq: 1, at, kind: 'message', message: { role: 'agent', text: 'hi' } },
      { seq: 2, at, kind: 'file_edit', fileEdit: { path: 'a.ts', before: null, after: 'x' } },
      { seq: 3, at, kind: 'step', step: { index: 1, name: 'Scan', status: 'succeeded' } },
      { seq: 4, at, kind: 'checkpoint', checkpoint: { id: 'cp_3', prompt: 'Go?', decision: 'approved', decidedBy: 'Grace' } },
      { seq: 5, at, kind: 'status', status: { from: 'running', to: 'paused' } },
    ]) {
      expect(TranscriptEntry.safeParse(entry).success).toBe(true);
    }
  });

  it('rejects seq 0, an unknown kind and a bad tool status', () => {
    expect(TranscriptEntry.safeParse({ ...toolCall, seq: 0 }).success).toBe(false);
    expect(TranscriptEntry.safeParse({ ...toolCall, kind: 'thought' }).success).toBe(false);
    expect(TranscriptEntry.safeParse({ ...toolCall, toolCall: { ...toolCall.toolCall, status: 'maybe' } }).success).toBe(false);
  });
});
