import { fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { rowsOf, useListKeyboard } from '../../../src/renderer/src/components/useListKeyboard';

/** A list with its own search box, as the Sessions page has. */
function SearchableList({ ids, onOpen }: { ids: string[]; onOpen: (id: string) => void }) {
  const search = useRef<HTMLInputElement>(null);
  const keys = useListKeyboard({ rows: rowsOf(ids), onOpen, onSearch: () => search.current?.focus() });
  return (
    <div {...keys.containerProps}>
      <input ref={search} aria-label="Search sessions" />
      <ul>
        {ids.map((id) => (
          <li key={id} data-row-id={id}>
            <button type="button" data-row-primary="" tabIndex={keys.tabIndexFor(id)}>
              {id}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const press = (key: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key });

describe('useListKeyboard', () => {
  it('focuses the search with "/" and leaves keys typed there alone', () => {
    const onOpen = vi.fn();
    render(<SearchableList ids={['one', 'two']} onOpen={onOpen} />);
    press('/');
    const search = screen.getByRole('textbox', { name: 'Search sessions' });
    expect(document.activeElement).toBe(search);
    press('j');
    press('k');
    press('Enter');
    expect(document.activeElement).toBe(search);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('opens through the given callback and ignores keys with modifiers', () => {
    const onOpen = vi.fn();
    render(<SearchableList ids={['one', 'two']} onOpen={onOpen} />);
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true });
    expect(document.activeElement).toBe(document.body);
    press('k');
    expect(document.activeElement?.textContent).toBe('two');
    press('Enter');
    expect(onOpen).toHaveBeenCalledWith('two');
  });

  it('moves the tab stop to the first row when the active one goes away', () => {
    const { rerender } = render(<SearchableList ids={['one', 'two']} onOpen={() => {}} />);
    press('j');
    press('j');
    expect(screen.getByRole('button', { name: 'two' }).tabIndex).toBe(0);
    rerender(<SearchableList ids={['one']} onOpen={() => {}} />);
    expect(screen.getByRole('button', { name: 'one' }).tabIndex).toBe(0);
  });
});
