import { fireEvent, screen } from '@testing-library/react';
import { useMemo } from 'react';
import { SessionActions } from '../../../src/renderer/src/components/SessionActions';
import { SessionRow } from '../../../src/renderer/src/components/SessionRow';
import { rowsOf, useListKeyboard } from '../../../src/renderer/src/components/useListKeyboard';
import { useLiveQuery } from '../../../src/renderer/src/state/useLiveQuery';
import type { Session } from '../../../src/shared/protocol';
import { chat, checkpoint, flowRun, NOW, task } from '../../shared/fixtures';

/** Sessions and harnesses shared by the detail view's actions tests and the row menu's. */
export const parked = flowRun({ id: 'fr_7', title: 'Nightly dependency upgrade', status: 'paused', flow: { flowId: 'fl_deps', flowName: 'Dependency upgrade' } });
export const atCheckpoint = flowRun({ id: 'fr_8', title: 'Release train', status: 'paused', checkpoint: checkpoint('cp_3') });
export const openChat = chat({ id: 'ch_1', title: 'Why is CI flaky?' });
export const runningTask = task({ id: 'bt_1', title: 'Backfill invoices' });

/** What the detail view shows: the session as the core last answered. */
export function LiveActions({ id }: { id: string }) {
  const session = useLiveQuery({ view: 'session', id }).result?.session;
  return session ? <SessionActions session={session} /> : null;
}

export function LiveRow({ id, fixed = false }: { id: string; fixed?: boolean }) {
  const session = useLiveQuery({ view: 'session', id }).result?.session;
  return session ? <SessionRow session={session} now={NOW} fixed={fixed} /> : null;
}

/** Rows with the list keys, as the popover and the Sessions page have them. */
export function KeyedList({ sessions }: { sessions: Session[] }) {
  const ids = useMemo(() => sessions.map((s) => s.id), [sessions]);
  const keys = useListKeyboard({ rows: useMemo(() => rowsOf(ids), [ids]) });
  return (
    <ul {...keys.containerProps}>
      {sessions.map((s) => (
        <li key={s.id}>
          <SessionRow session={s} now={NOW} tabIndex={keys.tabIndexFor(s.id)} />
        </li>
      ))}
    </ul>
  );
}

export const button = (name: RegExp | string) => screen.getByRole('button', { name });
export const press = (key: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });
