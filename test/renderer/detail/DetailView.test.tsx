import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { DetailView } from '../../../src/renderer/src/views/detail/DetailView';
import type { Session } from '../../../src/shared/protocol';
import { ago, chat, checkpoint, flowRun, HOUR, MINUTE, task } from '../../shared/fixtures';
import type { FakeApi } from '../fake-api';
import { coreAt, renderWithApi, stubLayout } from '../sessions/helpers';
import { checkpointEntry, message } from './entries';

const origin = { surface: 'schedule', sandbox: 'sbx_81', profile: 'default', runtime: 'node22', repo: 'acme/api', branch: 'deps/nightly' };
const run = flowRun({
  id: 'fr_7',
  title: 'Nightly dependency upgrade',
  status: 'paused',
  checkpoint: { ...checkpoint('cp_3'), step: 'Open pull request', prompt: 'Open a PR touching 14 files?' },
  flow: { stepIndex: 2, stepCount: 4, steps: [{ name: 'Scan', status: 'succeeded' }, { name: 'Open pull request', status: 'paused' }] },
  origin,
  initiative: { id: 'in_4', name: 'Platform hygiene' },
});

/** The value beside a term in the page's description lists. */
const fact = (term: string) => screen.getAllByText(term).find((el) => el.tagName === 'DT')?.nextElementSibling?.textContent;

function show(id: string, sessions: Session[] = [run], api: FakeApi = coreAt([])) {
  stubLayout({ viewport: 4000, row: 40 });
  api.push({ upserts: sessions });
  return renderWithApi(<DetailView id={id} />, api);
}

describe('DetailView', () => {
  it('says it is loading until the first answer, then shows the session', () => {
    const api = coreAt([run], { held: true });
    renderWithApi(<DetailView id="fr_7" />, api);
    expect(screen.getByRole('heading', { name: 'Loading session…' })).toBeTruthy();
    expect(api.openQueries()).toEqual([{ view: 'session', id: 'fr_7' }]);
    act(() => api.release());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Nightly dependency upgrade');
  });

  it('says when the session is gone, with a way back', async () => {
    show('fr_missing');
    useUiStore.setState({ route: { name: 'detail', id: 'fr_missing', from: 'sessions' } });
    expect(screen.getByRole('heading', { name: 'Session not found' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(useUiStore.getState().route).toEqual({ name: 'sessions' });
  });

  it('says in words when the core refuses the query (a pasted link\'s over-long id), instead of loading for ever', () => {
    show('fr_'.padEnd(500, '7'));
    expect(screen.getByRole('heading', { name: 'Session could not be opened' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/^invalid query: Too big/);
    expect(screen.queryByText('Loading session…')).toBeNull();
  });

  it('turns into "not found" when the session is removed while open', () => {
    const { api } = show('fr_7');
    act(() => api.push({ removals: ['fr_7'] }));
    expect(screen.getByRole('heading', { name: 'Session not found' })).toBeTruthy();
  });

  it('heads the page with kind, title, status, progress, owner, times and the error', () => {
    show('bt_9', [task({ id: 'bt_9', title: 'Backfill invoices', status: 'failed', error: { code: 'oom', message: 'Out of memory' } })]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Backfill invoices');
    expect(screen.getByRole('img', { name: 'Background task' })).toBeTruthy();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Failed')).toBeTruthy();
    expect(within(header).getByText('12 turns')).toBeTruthy();
    expect(within(header).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(header).getByText(/Started/).textContent).toBe('Started 2 h ago');
    expect(within(header).getByText('Out of memory')).toBeTruthy();
  });

  it('opens the session in Disco Parrot', async () => {
    const { api } = show('fr_7');
    await userEvent.click(screen.getByRole('button', { name: /Open in Disco Parrot/ }));
    expect(api.calls).toContainEqual({ method: 'openExternal', params: { url: run.webUrl } });
  });

  it('shows a flow run as a timeline with the pending checkpoint and decision controls', async () => {
    show('fr_7');
    const steps = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      'Step 1ScanDone',
      'Step 2Open pull requestPaused — waiting for approvalOpen a PR touching 14 files?',
      'Step 3Name not known yetNot reached yet',
      'Step 4Name not known yetNot reached yet',
    ]);
    expect(steps[1]!.getAttribute('aria-current')).toBe('step');
    const decision = screen.getByRole('group', { name: /Waiting for your decision: Open pull request/ });
    expect(within(decision).getByRole('button', { name: /Approve/ })).toBeTruthy();
    expect(within(decision).getByRole('button', { name: /Reject/ })).toBeTruthy();
  });

  it('lists past decisions from the transcript', async () => {
    const api = coreAt([]);
    api.transcriptOf.fr_8 = [
      checkpointEntry(1, { id: 'cp_1', prompt: 'Run the migration?' }),
      checkpointEntry(2, { id: 'cp_1', prompt: 'Run the migration?', decision: 'approved', decidedBy: 'Grace Hopper', comment: 'Go ahead' }),
    ];
    show('fr_8', [flowRun({ id: 'fr_8', status: 'succeeded', flow: { stepIndex: 3, stepCount: 3 } })], api);
    const heading = await screen.findByRole('heading', { name: 'Decisions' });
    const list = heading.nextElementSibling as HTMLElement;
    expect(list.textContent).toContain('Approved by Grace Hopper');
    expect(list.textContent).toContain('Run the migration?');
    expect(list.textContent).toContain('“Go ahead”');
    expect(screen.queryByRole('group', { name: /Waiting for your decision/ })).toBeNull();
  });

  it('shows a task with where it came from, its parent and its fan-out roll-up', async () => {
    const source = chat({ id: 'ch_3', title: 'Plan the backfill', status: 'ended', chat: { ended: true } });
    const children = [
      task({ id: 'bt_c1', title: 'Part 1', status: 'completed', task: { parentId: 'bt_p' } }),
      task({ id: 'bt_c2', title: 'Part 2', status: 'failed', task: { parentId: 'bt_p' } }),
      task({ id: 'bt_c3', title: 'Part 3', status: 'running', task: { parentId: 'bt_p' } }),
    ];
    const parent = task({ id: 'bt_p', title: 'Backfill invoices', task: { childIds: ['bt_c1', 'bt_c2', 'bt_c3', 'bt_gone'], backgroundedFrom: { kind: 'chat', id: 'ch_3' } } });
    show('bt_p', [parent, source, ...children]);
    expect(screen.getByRole('heading', { name: /Fan-out · 1 of 4 done, 1 failed/ })).toBeTruthy();
    const kids = within(screen.getByRole('list', { name: 'Child tasks' })).getAllByRole('listitem');
    expect(kids.map((k) => k.textContent)).toEqual([
      expect.stringMatching(/^Completed.*Part 1$/),
      expect.stringMatching(/^Failed.*Part 2$/),
      expect.stringMatching(/^Running.*Part 3$/),
      'Unknownbt_gone (not in the list)',
    ]);
    useUiStore.setState({ route: { name: 'detail', id: 'bt_p', from: 'popover' } });
    await userEvent.click(screen.getByRole('button', { name: /Plan the backfill/ }));
    expect(useUiStore.getState().route).toEqual({ name: 'detail', id: 'ch_3', from: 'popover' });
  });

  it('links a child task to its parent', async () => {
    const parent = task({ id: 'bt_p', title: 'Backfill invoices', task: { childIds: ['bt_c1'] } });
    show('bt_c1', [parent, task({ id: 'bt_c1', title: 'Part 1', task: { parentId: 'bt_p' } })]);
    useUiStore.setState({ route: { name: 'detail', id: 'bt_c1', from: 'sessions' } });
    await userEvent.click(screen.getByRole('button', { name: /Backfill invoices/ }));
    expect(useUiStore.getState().route).toEqual({ name: 'detail', id: 'bt_p', from: 'sessions' });
  });

  it('shows a chat as a conversation with its mode, count and state', async () => {
    const api = coreAt([]);
    api.transcriptOf.ch_1 = [message(1, { role: 'user', author: 'Ada Lovelace', text: 'Why is CI slow?' }), message(2, { role: 'agent', text: 'The cache is cold.' })];
    show('ch_1', [chat({ id: 'ch_1', title: 'CI question', chat: { mode: 'ask', messageCount: 2 } })], api);
    const conversation = await screen.findByRole('list', { name: 'Conversation' });
    expect(within(conversation).getByText('Why is CI slow?')).toBeTruthy();
    expect(within(conversation).getByText('The cache is cold.')).toBeTruthy();
    expect(fact('Mode')).toBe('Ask — a read-only inquiry');
    expect(fact('Messages')).toBe('2 messages');
    expect(fact('State')).toBe('Open');
  });

  it('says a chat has gone quiet after 30 minutes', () => {
    show('ch_q', [chat({ id: 'ch_q', updatedAt: ago(HOUR), chat: { lastMessageAt: ago(31 * MINUTE) } })]);
    expect(fact('State')).toBe('Quiet — no message in the past 30 minutes');
  });

  it('says a chat has ended', () => {
    show('ch_e', [chat({ id: 'ch_e', status: 'ended', chat: { ended: true } })]);
    expect(fact('State')).toBe('Ended');
  });

  it('describes where the run ran', () => {
    show('fr_7');
    const details = screen.getByRole('heading', { name: 'Run details' }).parentElement!;
    const pairs = [...details.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(pairs).toEqual([
      'Opened from: Scheduled',
      'Sandbox: sbx_81',
      'Profile: default',
      'Runtime: node22',
      'Repository: acme/api',
      'Branch: deps/nightly',
      'Initiative: Platform hygiene',
      'Session id: fr_7',
    ]);
  });
});
