import { useEffect } from 'react';
import { useApi } from '../api/api-context';

/**
 * Tells the core each time the popover is opened: on mount and whenever its window is shown again
 * (a hidden window's page is hidden). "Needs you" lists the person's failures since the open
 * before this one, so a failure leaves the list once the person has had a popover to see it in.
 */
export function usePopoverOpened(): void {
  const api = useApi();
  useEffect(() => {
    const tell = () => {
      if (document.visibilityState !== 'visible') return;
      // A lost signal costs one more look at a failure already seen: not worth a message.
      api.call('popoverOpened', {}).catch(() => undefined);
    };
    tell();
    document.addEventListener('visibilitychange', tell);
    return () => document.removeEventListener('visibilitychange', tell);
  }, [api]);
}
