import { useEffect, useRef, type RefObject } from 'react';
import type { LookupVerdictSummary } from '../lib/lookup-verdict';
import type { LookupRunView } from './use-lookup-run';

// A lookup the user asked for (not a live-watch poll) has settled, with its verdict.
export type SettledLookup = Omit<LookupVerdictSummary, 'sentence'> & {
  linkToken: string;
  at: number;
};

// Screen readers land on the answer's heading, wherever the panel puts it.
function focusFirstHeading(container: HTMLElement | null) {
  const heading = container?.querySelector<HTMLElement>('h2, h3');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

// When a lookup the user asked for settles: move focus to the answer (rendered by now, as this
// runs in the view that shows it) and report the lookup with its verdict, once per lookup.
export function useSettledLookup(
  run: Pick<LookupRunView, 'submitted' | 'query'>,
  // The verdict of what the view shows: the answer's, or the failed lookup's.
  verdict: LookupVerdictSummary | null,
  container: RefObject<HTMLElement | null>,
  onSettled: (settled: SettledLookup) => void,
) {
  const settledLookupId = useRef<number | null>(null);
  const { submitted, query } = run;
  const { status, dataUpdatedAt, errorUpdatedAt } = query;
  useEffect(() => {
    if (!submitted || status === 'pending' || !verdict || settledLookupId.current === submitted.id) return;
    settledLookupId.current = submitted.id;
    focusFirstHeading(container.current);
    onSettled({
      linkToken: submitted.request.link_token,
      verdict: verdict.verdict,
      tone: verdict.tone,
      detail: verdict.detail,
      at: Math.max(dataUpdatedAt, errorUpdatedAt),
    });
  }, [submitted, status, verdict, container, onSettled, dataUpdatedAt, errorUpdatedAt]);
}
