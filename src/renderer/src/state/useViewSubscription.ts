import { useEffect } from 'react';
import type { ParrotApi } from '../../../shared/api';
import { useSessionsStore } from './useSessionsStore';

/** Feeds the store from the API; a skipped version asks for a fresh snapshot. */
export function useViewSubscription(api: ParrotApi): void {
  useEffect(() => {
    let unsubscribe = () => {};
    const listen = () => {
      unsubscribe = api.subscribe((update) => {
        if (!useSessionsStore.getState().apply(update)) {
          unsubscribe();
          listen();
        }
      });
    };
    listen();
    return () => unsubscribe();
  }, [api]);
}
