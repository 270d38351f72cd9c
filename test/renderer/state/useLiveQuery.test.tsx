import { act, render, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../src/renderer/src/api/api-context';
import { useLiveQuery } from '../../../src/renderer/src/state/useLiveQuery';
import { flowRun } from '../../shared/fixtures';
import { FakeApi } from '../fake-api';

const sessions = [flowRun({ id: 'fr_1', title: 'One' }), flowRun({ id: 'fr_2', title: 'Two' })];

/** Shows one session's title, asking with a query object built afresh on every render. */
function Title({ id }: { id: string }) {
  const { result, current, error } = useLiveQuery({ view: 'session', id });
  return <p data-current={String(current)}>{error ?? (result === null ? 'nothing yet' : (result.session?.title ?? 'gone'))}</p>;
}

function Harness({ api, first = 'fr_1' }: { api: FakeApi; first?: string }) {
  const [id, setId] = useState(first);
  const [shown, setShown] = useState(true);
  const [, rerender] = useState(0);
  return (
    <ApiProvider api={api}>
      <button onClick={() => setId(id === 'fr_1' ? 'fr_2' : 'fr_1')}>switch</button>
      <button onClick={() => setShown(false)}>hide</button>
      <button onClick={() => rerender((n) => n + 1)}>render</button>
      {shown && <Title id={id} />}
    </ApiProvider>
  );
}

const text = () => screen.getByRole('paragraph').textContent;
const click = (name: string) => act(() => screen.getByRole('button', { name }).click());

describe('useLiveQuery', () => {
  it('opens one watch however often the component renders, and follows its answers', () => {
    const api = new FakeApi(sessions);
    render(<Harness api={api} />);
    for (let i = 0; i < 5; i++) click('render');
    expect(api.watches).toHaveLength(1);
    expect(text()).toBe('One');
    act(() => api.push({ upserts: [flowRun({ id: 'fr_1', title: 'One, renamed' })] }));
    expect(text()).toBe('One, renamed');
  });

  it('replaces the watch when the query changes, keeping the last answer until the new one lands', () => {
    const api = new FakeApi(sessions);
    render(<Harness api={api} />);
    api.hold();
    click('switch');
    expect(api.openQueries()).toEqual([{ view: 'session', id: 'fr_2' }]);
    expect(text()).toBe('One');
    expect(screen.getByRole('paragraph').dataset.current).toBe('false');
    act(() => api.release());
    expect(text()).toBe('Two');
    expect(screen.getByRole('paragraph').dataset.current).toBe('true');
  });

  it('never shows an answer to a query it closed, even one a carrier delivers late', () => {
    const api = new FakeApi(sessions);
    // A carrier with an answer in flight when the watch closed still hands it over.
    const listeners: Array<(r: unknown) => void> = [];
    const watch = api.watch.bind(api);
    api.watch = ((query: never, listener: (r: unknown) => void) => {
      listeners.push(listener);
      return watch(query, listener);
    }) as FakeApi['watch'];
    render(<Harness api={api} />);
    click('switch');
    expect(text()).toBe('Two');
    act(() => listeners[0]!({ view: 'session', session: flowRun({ id: 'fr_1', title: 'Late' }), related: [] }));
    expect(text()).toBe('Two');
    expect(api.watches.map((w) => w.open)).toEqual([false, true]);
  });

  it('closes its watches on unmount, leaving none open (StrictMode included)', () => {
    const api = new FakeApi(sessions);
    render(
      <StrictMode>
        <Harness api={api} />
      </StrictMode>,
    );
    click('switch');
    click('switch');
    expect(api.openQueries()).toHaveLength(1);
    click('hide');
    expect(api.openQueries()).toEqual([]);
  });

  it('says why the core refused its query, for that query only: the next one loads as ever', () => {
    const api = new FakeApi(sessions, { held: true });
    render(<Harness api={api} first={'x'.repeat(500)} />);
    expect(text()).toBe('nothing yet');
    act(() => api.release());
    expect(text()).toMatch(/^invalid query: Too big/);
    click('switch');
    expect(text()).toBe('One');
  });

  it('has no answer before the first one lands', () => {
    const api = new FakeApi(sessions, { held: true });
    render(<Harness api={api} />);
    expect(text()).toBe('nothing yet');
    act(() => api.release());
    expect(text()).toBe('One');
  });
});
