import { describe, expect, it } from 'vitest';
import { isViewMessage } from '../../../src/renderer/src/api/web-api';
import { flowRun } from '../../shared/fixtures';
import { LIVE } from '../fake-api';

const snapshot = { kind: 'snapshot', version: 0, sessions: [flowRun()], connection: LIVE, user: null, skewMs: 0, demo: true };
const delta = { kind: 'delta', version: 3, upserts: [flowRun()], removals: ['fr_2'] };

describe("the web transport's check of view messages", () => {
  it('passes a snapshot and a delta through', () => {
    expect(isViewMessage({ t: 'view', update: snapshot })).toBe(true);
    expect(isViewMessage({ t: 'view', update: delta })).toBe(true);
  });

  it('drops a view whose envelope or session ids are wrong', () => {
    expect(isViewMessage({ t: 'view', update: { ...snapshot, version: -1 } })).toBe(false);
    expect(isViewMessage({ t: 'view', update: { ...delta, upserts: [{ title: 'no id' }] } })).toBe(false);
    expect(isViewMessage({ t: 'view', update: { ...delta, removals: [7] } })).toBe(false);
    expect(isViewMessage({ t: 'view' })).toBe(false);
    expect(isViewMessage({ t: 'reply', id: 1, ok: true })).toBe(false);
    expect(isViewMessage(null)).toBe(false);
  });
});
