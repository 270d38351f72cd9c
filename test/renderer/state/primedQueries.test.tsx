import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../src/renderer/src/api/api-context';
import { PRIMED_UNCLAIMED_MS, primeQuery } from '../../../src/renderer/src/state/primedQueries';
import { useLiveQuery } from '../../../src/renderer/src/state/useLiveQuery';
import { flowRun } from '../../shared/fixtures';
import { FakeApi } from '../fake-api';

const query = { view: 'session', id: 'fr_1' } as const;

/** Records every render's title (or refusal), so a test can see what the very first render had. */
function Title({ seen, id = 'fr_1' }: { seen: string[]; id?: string }) {
  const { result, error } = useLiveQuery({ view: 'session', id });
  const text = error ?? (result === null ? 'nothing yet' : (result.session?.title ?? 'gone'));
  seen.push(text);
  return <p>{text}</p>;
}

afterEach(() => vi.useRealTimers());

describe('a live query primed before the first render', () => {
  it('gives the view its answer on its first render, and the view keeps the one watch', () => {
    const api = new FakeApi([flowRun({ id: 'fr_1', title: 'One' })]);
    primeQuery(api, query);
    expect(api.watches).toHaveLength(1);
    const seen: string[] = [];
    render(<ApiProvider api={api}><Title seen={seen} /></ApiProvider>);
    expect(seen[0]).toBe('One');
    expect(api.openQueries()).toEqual([query]);
    act(() => api.push({ upserts: [flowRun({ id: 'fr_1', title: 'Renamed' })] }));
    expect(screen.getByRole('paragraph').textContent).toBe('Renamed');
  });

  it('hands over an answer that arrives after the view mounted', () => {
    const api = new FakeApi([flowRun({ id: 'fr_1', title: 'One' })], { held: true });
    primeQuery(api, query);
    const seen: string[] = [];
    render(<ApiProvider api={api}><Title seen={seen} /></ApiProvider>);
    expect(seen[0]).toBe('nothing yet');
    act(() => api.release());
    expect(screen.getByRole('paragraph').textContent).toBe('One');
    expect(api.watches).toHaveLength(1);
  });

  it("hands over the core's refusal of the query, whether it came before the view mounted or after", () => {
    const long = 'x'.repeat(500);
    for (const held of [false, true]) {
      const api = new FakeApi([], { held });
      primeQuery(api, { view: 'session', id: long });
      const seen: string[] = [];
      const view = render(<ApiProvider api={api}><Title seen={seen} id={long} /></ApiProvider>);
      act(() => api.release());
      expect(view.getByRole('paragraph').textContent).toMatch(/^invalid query: Too big/);
      expect(api.watches).toHaveLength(1);
      view.unmount();
    }
  });

  it('closes a primed watch no view takes', () => {
    vi.useFakeTimers();
    const api = new FakeApi([flowRun({ id: 'fr_1', title: 'One' })]);
    primeQuery(api, { view: 'session', id: 'fr_unclaimed' });
    expect(api.openQueries()).toHaveLength(1);
    vi.advanceTimersByTime(PRIMED_UNCLAIMED_MS);
    expect(api.openQueries()).toHaveLength(0);
  });
});
