import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { ApiError } from '../../../api/api-error';
// From its own module, not the diagnosis's index: this hook is in the entry chunk, and the index
// would bring the whole diagnosis (the answer view's, loaded lazily) into the initial JavaScript.
import { diagnoseLookupError } from '../../../../shared/diagnosis/lookup-error';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import { matchAnswerToForm, type AnswerMatch } from '../lib/answer-match';
import type { WatchVerdict } from '../lib/watch-timing';
import {
  lookupQueryKey,
  useLinkTokenLookup,
  type LookupOutcome,
  type SubmittedLookup,
} from './use-link-token-lookup';
import type { LookupFormApi } from './use-lookup-form';

export type WatchState = { active: boolean; requested: boolean; verdict: WatchVerdict; failed: boolean };

// What the answer area shows and offers.
export type LookupRunView = {
  submitted: SubmittedLookup | null;
  query: UseQueryResult<LookupOutcome, ApiError>;
  // Whether the answer on screen is for what the form holds now.
  answerMatch: AnswerMatch;
  // The token of a lookup the user cancelled (nothing is shown for it).
  cancelledToken: string | null;
  restoreForm: () => void;
  // null when a retry cannot help; retryAt: when the server's Retry-After runs out (epoch ms).
  retry: (() => void) | null;
  retryAt: number | null;
  // null until there is an answer to watch.
  watch: WatchState | null;
  toggleWatch: () => void;
  // Leaves the store's kept answer for Plaid's answer now.
  askPlaid: () => void;
};

export type LookupRun = Omit<LookupRunView, 'askPlaid'> & {
  start: (request: LinkTokenGetRequest, fromStore?: boolean) => void;
  cancel: () => void;
  // Back to no lookup at all (the address names none).
  clear: () => void;
};

// The lookup the user asked for and its answer: starting, cancelling, retrying and live watch.
export function useLookupRun(form: LookupFormApi): LookupRun {
  const queryClient = useQueryClient();
  const [submitted, setSubmitted] = useState<SubmittedLookup | null>(null);
  const [cancelledToken, setCancelledToken] = useState<string | null>(null);
  const [watchRequested, setWatchRequested] = useState(false);
  // Every lookup gets a new id, also after `clear`, so that none reuses an earlier one's query.
  const lastId = useRef(0);
  const values = useWatch({ control: form.control });
  const answerMatch = submitted
    ? matchAnswerToForm(
        {
          link_token: values.link_token ?? '',
          client_id: values.client_id ?? '',
          secret: values.secret ?? '',
        },
        submitted.request,
      )
    : 'current';
  // Watching the previous token while the field holds another would update an answer nobody asked
  // about; it resumes if the field is put back.
  const query = useLinkTokenLookup(submitted, watchRequested && answerMatch === 'current');

  function start(request: LinkTokenGetRequest, fromStore = false, notBefore: number | null = null) {
    lastId.current += 1;
    setSubmitted({ id: lastId.current, request, notBefore, fromStore });
    setWatchRequested(false);
    setCancelledToken(null);
  }

  function cancel() {
    if (!submitted) return;
    void queryClient.cancelQueries({ queryKey: lookupQueryKey(submitted) });
    setSubmitted(null);
    setCancelledToken(submitted.request.link_token);
    form.setFocus('link_token');
  }

  // Puts back the token and credentials the answer on screen was given for.
  function restoreForm() {
    if (!submitted) return;
    const { link_token, client_id = '', secret = '' } = submitted.request;
    form.setValue('client_id', client_id);
    form.setValue('secret', secret);
    form.setValue('link_token', link_token);
    void form.trigger();
    form.setFocus('link_token');
  }

  const { status, data: outcome, error, errorUpdatedAt } = query;

  // Retry asks again for the answer on screen, when the failure may pass by itself (the diagnosis
  // says which: rate limits, Plaid's 5xx, timeouts, the network); after a Retry-After it waits.
  const retryable =
    error !== null &&
    answerMatch === 'current' &&
    diagnoseLookupError(error.error, error.httpStatus).retryable;
  const retryAt =
    retryable && error.retryAfterSeconds !== null ? errorUpdatedAt + error.retryAfterSeconds * 1000 : null;
  const retry = retryable
    ? () => {
        if (submitted)
          start(
            submitted.request,
            submitted.fromStore,
            retryAt !== null && retryAt > Date.now() ? retryAt : null,
          );
      }
    : null;

  // The store's kept answer does not change: there is nothing to watch.
  const verdict = outcome && !submitted?.fromStore ? outcome.watch : null;
  const watchActive =
    watchRequested &&
    answerMatch === 'current' &&
    status === 'success' &&
    verdict !== null &&
    verdict.keepWatching;
  const watch = verdict && {
    active: watchActive,
    requested: watchRequested,
    verdict,
    failed: status === 'error',
  };

  function toggleWatch() {
    if (watchActive) {
      setWatchRequested(false);
    } else {
      setWatchRequested(true);
      // Ask at once rather than one interval later.
      void query.refetch();
    }
  }

  return {
    submitted,
    query,
    answerMatch,
    cancelledToken,
    restoreForm,
    retry,
    retryAt,
    watch,
    toggleWatch,
    start,
    cancel,
    clear: () => {
      setSubmitted(null);
      setCancelledToken(null);
    },
  };
}
