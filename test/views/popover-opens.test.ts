import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/main/core/cache/cache';
import { commandCenter } from '../../src/main/core/views/command-center';
import { PopoverOpens } from '../../src/main/core/views/popover-opens';
import { ago, flowRun, HOUR, MINUTE, NOW } from '../shared/fixtures';
import { freshCache } from '../cache/helpers';
import { tempDir } from '../support/temp-dir';

const QUERY = { view: 'commandCenter', needsYouLimit: 10, activeLimit: 10, recentLimit: 10 } as const;

describe('the popover’s opens, and the failures Needs you lists', () => {
  it('lists a failure until the popover has been opened once after the open that showed it, across restarts', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.applySnapshot([flowRun({ id: 'fr_broke', status: 'failed', updatedAt: ago(HOUR) })], 1);
    let opens = new PopoverOpens(cache);
    const source = () => ({ cache, now: () => NOW, userId: () => 'u_ada', previousPopoverOpen: () => opens.previous() });
    const failed = () => commandCenter(source(), QUERY, NOW).needsYou.rows.map((r) => [r.session.id, r.reason]);
    // Never opened: the past day's failures need the person; the row is not in Recent as well.
    expect(failed()).toEqual([['fr_broke', 'failed']]);
    expect(commandCenter(source(), QUERY, NOW).recent.total).toBe(0);
    opens.opened(NOW - 2 * MINUTE);
    expect(failed()).toEqual([['fr_broke', 'failed']]);
    opens.opened(NOW - MINUTE);
    expect(failed()).toEqual([]);
    expect(commandCenter(source(), QUERY, NOW).recent.total).toBe(1);
    cache.close();
    const { cache: again } = openCache(dir, {});
    opens = new PopoverOpens(again);
    expect(opens.previous()).toBe(NOW - 2 * MINUTE);
    again.close();
  });

  it('reads a damaged record as never opened rather than failing', () => {
    const cache = freshCache(tempDir());
    cache.setMeta('popover.opens', '{not json');
    expect(new PopoverOpens(cache).previous()).toBeNull();
    cache.setMeta('popover.opens', JSON.stringify({ last: 'soon', previous: 5 }));
    expect(new PopoverOpens(cache).previous()).toBe(5);
    cache.close();
  });
});
