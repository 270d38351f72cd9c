import { useEffect } from 'react';
import { useApi } from '../api/api-context';

/** Whether the core heard of this showing of the window; reset when the window is hidden. */
let toldThisShowing = false;

/**
 * Tells the core each time the popover is opened: once per showing of its window (a hidden
 * window's page is hidden), not each time the view comes back from a detail view inside it.
 * "Needs you" lists the person's failures since the open before this one, so a failure leaves
 * the list once the person has had a popover to see it in.
 */
export function usePopoverOpened(): void {
  const api = useApi();
  useEffect(() => {
    const tell = () => {
      if (document.visibilityState !== 'visible') {
        toldThisShowing = false;
        return;
      }
      if (toldThisShowing) return;
      toldThisShowing = true;
      // A lost signal costs one more look at a failure already seen: not worth a message.
      api.call('popoverOpened', {}).catch(() => undefined);
    };
    tell();
    document.addEventListener('visibilitychange', tell);
    return () => document.removeEventListener('visibilitychange', tell);
  }, [api]);
}

/** For tests: a fresh page. */
export function resetPopoverShowing(): void {
  toldThisShowing = false;
}
