import type { Virtualizer } from '@tanstack/react-virtual';
import type { ReactNode } from 'react';

interface VirtualListProps<T> {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Every item in the list, loaded or not. */
  count: number;
  /** The item at an index; undefined while a windowed list has not loaded it yet. */
  itemAt: (index: number) => T | undefined;
  label: string;
  className: string;
  itemClassName: (item: T) => string;
  children: (item: T) => ReactNode;
  /** What stands in for an item not loaded yet (marked busy); without it, nothing does. */
  placeholder?: { className: string; render: () => ReactNode };
  /**
   * Measure each rendered item's real height (the default). A list whose items all have the
   * height its estimateSize gives passes false: a measured height that differs from the estimate
   * makes the virtualizer re-place every item after it, 100,000 of them in the Sessions list.
   */
  measure?: boolean;
}

/**
 * The rows of a virtualized list: only those in view are in the DOM, so each carries its size
 * and position in the whole list for assistive technology, and is measured for its real height
 * unless the list says its items' heights are exact.
 */
export function VirtualList<T>({ virtualizer, count, itemAt, label, className, itemClassName, children, placeholder, measure = true }: VirtualListProps<T>) {
  return (
    <div role="list" aria-label={label} className={className} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) => {
        const item = itemAt(row.index);
        if (item === undefined && !placeholder) return null;
        return (
          <div
            key={row.key}
            ref={measure ? virtualizer.measureElement : undefined}
            data-index={row.index}
            role="listitem"
            aria-setsize={count}
            aria-posinset={row.index + 1}
            aria-busy={item === undefined ? true : undefined}
            className={item === undefined ? placeholder!.className : itemClassName(item)}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {item === undefined ? placeholder!.render() : children(item)}
          </div>
        );
      })}
    </div>
  );
}
