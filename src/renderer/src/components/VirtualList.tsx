import type { Virtualizer } from '@tanstack/react-virtual';
import type { ReactNode } from 'react';

interface VirtualListProps<T> {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  items: readonly T[];
  label: string;
  className: string;
  itemClassName: (item: T) => string;
  children: (item: T) => ReactNode;
}

/**
 * The rows of a virtualized list: only those in view are in the DOM, so each carries its size
 * and position in the whole list for assistive technology, and is measured for its real height.
 */
export function VirtualList<T>({ virtualizer, items, label, className, itemClassName, children }: VirtualListProps<T>) {
  return (
    <div role="list" aria-label={label} className={className} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) => {
        const item = items[row.index];
        if (item === undefined) return null;
        return (
          <div
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            role="listitem"
            aria-setsize={items.length}
            aria-posinset={row.index + 1}
            className={itemClassName(item)}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {children(item)}
          </div>
        );
      })}
    </div>
  );
}
