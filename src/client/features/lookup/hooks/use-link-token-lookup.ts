import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/api-error';
import { getKept } from '../../../api/get-kept';
import { lookupLinkToken, type LookupSuccess } from '../../../api/lookup-link-token';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import { WATCH_INTERVAL_MS, type WatchVerdict } from '../lib/watch-timing';
import { waitUntil } from '../lib/wait-until';

// One press of "Look up" (or Retry). The id makes every press a fresh lookup, even of the same
// token. The request (with any credentials) lives only in this in-memory object: the query key
// holds the token and the id, never credentials, and nothing in React Query is persisted.
// notBefore: a Retry pressed before the server's Retry-After ran out waits until then (epoch ms).
// fromStore: the answer the inspector's store kept is opened (the permalink), Plaid is not asked.
export type SubmittedLookup = {
  id: number;
  request: LinkTokenGetRequest;
  notBefore: number | null;
  fromStore: boolean;
};

export type LookupOutcome = {
  result: LookupSuccess;
  // Events that arrived with the latest poll that brought any (empty on a first lookup).
  newEventIds: ReadonlySet<string>;
  // Whether watching can show more, as of this answer (the diagnosis's rule for a running session).
  watch: WatchVerdict;
};

export function lookupQueryKey(submitted: SubmittedLookup | null) {
  return ['link-token-lookup', submitted?.request.link_token, submitted?.id];
}

export function useLinkTokenLookup(submitted: SubmittedLookup | null, watching: boolean) {
  const queryClient = useQueryClient();
  return useQuery<LookupOutcome, ApiError>({
    queryKey: lookupQueryKey(submitted),
    enabled: submitted !== null,
    queryFn: async ({ signal, queryKey }) => {
      if (submitted!.notBefore !== null) await waitUntil(submitted!.notBefore, signal);
      const result = submitted!.fromStore
        ? await getKept(submitted!.request.link_token, { signal })
        : await lookupLinkToken(submitted!.request, { signal });
      // The watch's rules are the diagnosis's session rules: loaded with the first answer, they stay
      // out of the entry chunk (its size budget, bench/RESULTS.md).
      const { findNewEventIds, watchVerdict } = await import('../lib/live-watch');
      const watch = watchVerdict(result.data, Date.now());
      const previous = queryClient.getQueryData<LookupOutcome>(queryKey);
      if (!previous) return { result, newEventIds: new Set(), watch };
      const arrived = findNewEventIds(previous.result.data, result.data);
      // Keep the last arrivals highlighted until newer ones come, so they do not vanish after
      // one poll interval.
      return { result, newEventIds: arrived.size > 0 ? arrived : previous.newEventIds, watch };
    },
    // Earlier lookups are never shown again; dropping them at once keeps a very large answer
    // from lingering in memory.
    gcTime: 0,
    refetchInterval: (query) => {
      const outcome = query.state.data;
      if (!watching || query.state.status !== 'success' || !outcome) return false;
      return outcome.watch.keepWatching ? WATCH_INTERVAL_MS : false;
    },
    // A hidden tab does not need fresh answers; polling resumes when it is visible again.
    refetchIntervalInBackground: false,
  });
}
