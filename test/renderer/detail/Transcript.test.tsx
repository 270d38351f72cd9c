import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DetailView } from '../../../src/renderer/src/views/detail/DetailView';
import { task } from '../../shared/fixtures';
import { coreAt, renderWithApi, stubLayout } from '../sessions/helpers';
import { checkpointEntry, fileEdit, message, status, step, toolCall } from './entries';

const session = task({ id: 'bt_1', title: 'Backfill invoices', status: 'completed' });

function open(entries = [message(1, { role: 'user', text: 'Hello' })]) {
  stubLayout({ viewport: 4000, row: 40 });
  const api = coreAt([session]);
  api.transcriptOf.bt_1 = entries;
  return renderWithApi(<DetailView id="bt_1" />, api);
}

const transcript = () => screen.getByRole('list', { name: 'Transcript' });

describe('Transcript', () => {
  it('loads from the cache, opens the session for live entries and closes it on leaving', async () => {
    const { api, unmount } = open();
    expect(await within(await screen.findByRole('list', { name: 'Transcript' })).findByText('Hello')).toBeTruthy();
    expect(api.calls.filter((c) => c.method !== 'command').map((c) => [c.method, c.params])).toEqual([
      ['openSession', { sessionId: 'bt_1' }],
      ['transcript', { sessionId: 'bt_1', afterSeq: 0, limit: 5000 }],
    ]);
    unmount();
    expect(api.calls.at(-1)).toEqual({ method: 'closeSession', params: { sessionId: 'bt_1' } });
  });

  it('shows every kind of entry', async () => {
    open([
      message(1, { role: 'user', author: 'Ada Lovelace', text: 'Please backfill' }),
      message(2, { role: 'agent', text: 'On it' }),
      message(3, { role: 'system', text: 'Task created.' }),
      toolCall(4, { name: 'shell', input: { cmd: 'npm test' }, output: 'ok', status: 'ok', durationMs: 5120 }),
      fileEdit(5, { path: 'src/a.ts', before: 'one\n', after: 'two\n' }),
      step(6, { index: 2, name: 'Open pull request', status: 'running' }),
      checkpointEntry(7, { id: 'cp_1', prompt: 'Merge it?', decision: 'rejected', decidedBy: 'Grace Hopper', comment: 'Not yet' }),
      status(8, { from: 'running', to: 'waiting', reason: 'needs review' }),
    ]);
    const list = await screen.findByRole('list', { name: 'Transcript' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(8);
    expect(within(list).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(list).getByText('Agent')).toBeTruthy();
    expect(within(list).getByText('System')).toBeTruthy();
    expect(within(list).getByRole('button', { name: /shell\s*OK\s*5\.1 s/ })).toBeTruthy();
    expect(within(list).getByText('src/a.ts')).toBeTruthy();
    expect(within(list).getByText('Open pull request')).toBeTruthy();
    expect(within(list).getByText(/by Grace Hopper/).textContent).toContain('“Not yet”');
    const statusRow = within(list).getByText('Status').closest('[role="listitem"]')!;
    expect(statusRow.textContent).toMatch(/Running →to Waiting \(needs review\)/);
    expect(screen.getByRole('heading', { name: /Transcript · 8 entries/ })).toBeTruthy();
  });

  it('keeps tool calls collapsed until asked, then shows input as JSON and the output', async () => {
    open([toolCall(1, { name: 'shell', input: { cmd: 'npm test' }, output: '42 passed', status: 'error', durationMs: 240 })]);
    const toggle = await screen.findByRole('button', { name: /shell/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('Error');
    expect(toggle.textContent).toContain('240 ms');
    expect(screen.queryByText('42 passed')).toBeNull();
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('42 passed')).toBeTruthy();
    expect(screen.getByText(/"cmd": "npm test"/).textContent).toBe('{\n  "cmd": "npm test"\n}');
    await userEvent.click(toggle);
    expect(screen.queryByText('42 passed')).toBeNull();
  });

  it('shows a file edit as a diff with signs and words, and labels new and deleted files', async () => {
    open([
      fileEdit(1, { path: 'src/edit.ts', before: 'keep\nold\n', after: 'keep\nnew\n' }),
      fileEdit(2, { path: 'src/new.ts', before: null, after: 'hello\n' }),
      fileEdit(3, { path: 'src/gone.ts', before: 'bye\n', after: null }),
    ]);
    await screen.findByText('src/edit.ts');
    const removed = document.querySelector('[data-change="removed"]')!;
    const added = document.querySelector('[data-change="added"]')!;
    expect(removed.textContent).toBe('Removed: -old\n');
    expect(added.textContent).toBe('Added: +new\n');
    expect(removed.className).toContain('diff-removed');
    expect(screen.getByText('New file')).toBeTruthy();
    expect(screen.getByText('Deleted file')).toBeTruthy();
  });

  it('shows redacted values as a badge', async () => {
    open([message(1, { role: 'agent', text: 'Using token [REDACTED:github-token] now' })]);
    const badge = await screen.findByText('[REDACTED:github-token]');
    expect(badge.className).toBe('redacted');
    expect(badge.getAttribute('title')).toBe('Hidden by redaction: github-token');
  });

  it('adds pushed entries live, once each, and ignores other sessions', async () => {
    const { api } = open();
    await screen.findByText('Hello');
    act(() => {
      api.pushTranscript({ sessionId: 'bt_1', entries: [message(1, { role: 'user', text: 'Hello' }), message(2, { role: 'agent', text: 'Fresh reply' })] });
      api.pushTranscript({ sessionId: 'bt_other', entries: [message(3, { role: 'agent', text: 'Not for this view' })] });
    });
    expect(await screen.findByText('Fresh reply')).toBeTruthy();
    expect(screen.getAllByText('Hello')).toHaveLength(1);
    expect(screen.queryByText('Not for this view')).toBeNull();
    expect(screen.getByText('1 new entry')).toBeTruthy();
  });

  it('says when there is no transcript yet', async () => {
    open([]);
    expect(await screen.findByText('No transcript yet')).toBeTruthy();
  });

  it('says when the transcript cannot load, and tries again', async () => {
    stubLayout({ viewport: 4000, row: 40 });
    const api = coreAt([session]);
    let fail = true;
    api.answers.transcript = () => {
      if (fail) throw new Error('cache locked');
      return [message(1, { role: 'agent', text: 'Back again' })];
    };
    renderWithApi(<DetailView id="bt_1" />, api);
    expect((await screen.findByRole('alert')).textContent).toContain("Couldn't load the transcript: cache locked");
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Back again')).toBeTruthy();
  });

  it('shows a loading state while the cache answers', async () => {
    stubLayout();
    const api = coreAt([session]);
    api.answers.transcript = () => new Promise(() => {});
    renderWithApi(<DetailView id="bt_1" />, api);
    expect(screen.getByText('Loading transcript…')).toBeTruthy();
  });

  it('virtualizes a long transcript', async () => {
    stubLayout({ viewport: 400, row: 40 });
    const api = coreAt([session]);
    api.transcriptOf.bt_1 = Array.from({ length: 3000 }, (_, i) => message(i + 1, { role: 'agent', text: `Line ${i + 1}` }));
    renderWithApi(<DetailView id="bt_1" />, api);
    await screen.findByText('Line 1');
    const items = within(transcript()).getAllByRole('listitem');
    expect(items.length).toBeLessThan(40);
    expect(items[0]!.getAttribute('aria-setsize')).toBe('3000');
    await waitFor(() => expect(screen.queryByText('Line 3000')).toBeNull());
  });
});
