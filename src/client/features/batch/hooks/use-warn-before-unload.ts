import { useEffect } from 'react';
import type { BatchEntry } from './use-batch-run';

// Whether a reload would lose answers of this batch: answers from Plaid the store is not keeping
// (the server has no store, or it could not queue them). A reload brings a batch back from the
// store's kept answers only (lib/batch-session.ts).
export function answersLostOnReload(entries: readonly BatchEntry[]): boolean {
  return entries.some(
    ({ outcome }) =>
      outcome?.kind === 'success' && !outcome.result.fromStore && outcome.result.kept?.status !== 'queued',
  );
}

// While `warn`, leaving or reloading the page asks first (the browser's own dialog).
export function useWarnBeforeUnload(warn: boolean): void {
  useEffect(() => {
    if (!warn) return;
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [warn]);
}
