import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useForm, useWatch, type SubmitErrorHandler } from 'react-hook-form';
import { serverInfoQuery } from '../../../api/get-server-info';
// From its own module, not the diagnosis's index: this hook is in the entry chunk, and the index
// would bring the whole diagnosis (the answer view's, loaded lazily) into the initial JavaScript.
import { diagnoseLookupError } from '../../../../shared/diagnosis/lookup-error';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import { matchAnswerToForm } from '../lib/answer-match';
import { linkOpening } from '../lib/link-opening';
import { watchVerdict } from '../lib/live-watch';
import { EMPTY_LOOKUP_FORM, LookupFormSchema, type LookupFormValues } from '../lib/lookup-form-schema';
import { linkTokenFromUrl, urlForLookup } from '../lib/page-url';
import { lookupQueryKey, useLinkTokenLookup, type SubmittedLookup } from './use-link-token-lookup';

// Everything the lookup form and its answer share: the form, the submitted lookup and its query,
// live watch, retry and cancel, the page URL, and the credentials section's open state. The page
// holds it, so that other parts of the page (fixture tokens, recent lookups) can start a lookup
// with `lookUpToken`.
export function useLookup() {
  const queryClient = useQueryClient();
  const serverInfo = useQuery(serverInfoQuery);
  const form = useForm<LookupFormValues, unknown, LinkTokenGetRequest>({
    resolver: zodResolver(LookupFormSchema),
    mode: 'onChange',
    defaultValues: { ...EMPTY_LOOKUP_FORM, link_token: linkTokenFromUrl(window.location.href) },
  });
  const [credentialsOpenChoice, setCredentialsOpenChoice] = useState<boolean | null>(null);
  // Why the credentials section opened by itself (a shared link the server lacks credentials for).
  const [credentialsPrompt, setCredentialsPrompt] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<SubmittedLookup | null>(null);
  const [cancelledToken, setCancelledToken] = useState<string | null>(null);
  const [watchRequested, setWatchRequested] = useState(false);
  const values = useWatch({ control: form.control });
  const answerMatch = submitted
    ? matchAnswerToForm(
        { link_token: values.link_token ?? '', client_id: values.client_id ?? '', secret: values.secret ?? '' },
        submitted.request,
      )
    : 'current';
  // Watching the previous token while the field holds another would update an answer nobody asked
  // about; it resumes if the field is put back.
  const query = useLinkTokenLookup(submitted, watchRequested && answerMatch === 'current');

  // Without server credentials in real Plaid mode the user must give theirs: show the fields.
  const info = serverInfo.data;
  const serverHasNoCredentials = info?.mode === 'plaid' && info.serverCredentials.length === 0;
  const credentialsOpen = credentialsOpenChoice ?? serverHasNoCredentials;
  // The lookup cannot run without the user's credentials: the section says so instead of "optional".
  const credentialsNeeded = serverHasNoCredentials || credentialsPrompt !== null;

  function start(request: LinkTokenGetRequest, notBefore: number | null = null) {
    setSubmitted((previous) => ({ id: (previous?.id ?? 0) + 1, request, notBefore }));
    setWatchRequested(false);
    setCancelledToken(null);
    setCredentialsPrompt(null);
  }

  const onInvalid: SubmitErrorHandler<LookupFormValues> = (errors) => {
    // A credentials error must not hide inside a collapsed section.
    if (errors.client_id || errors.secret) setCredentialsOpenChoice(true);
  };

  // A lookup the user starts is a new page in the browser's history: Back shows the previous one.
  const submit = form.handleSubmit((request) => {
    const url = urlForLookup(window.location.href, request.link_token);
    if (url !== null) window.history.pushState(null, '', url);
    start(request);
  }, onInvalid);

  // A lookup the URL asks for (a shared link, Back, Forward) is already in the history.
  const submitFromUrl = form.handleSubmit((request) => start(request), onInvalid);

  function lookUpToken(linkToken: string) {
    form.setValue('link_token', linkToken, { shouldValidate: true });
    void submit();
  }

  // Opens what the page URL names: looks it up, or asks for the credentials it needs.
  function openFromUrl(linkToken: string) {
    const { client_id, secret } = form.getValues();
    const opening = linkOpening(linkToken, info ?? null, client_id.trim() !== '' && secret.trim() !== '');
    if (opening.action === 'show-token-error') {
      void form.trigger('link_token');
    } else if (opening.action === 'ask-for-credentials') {
      setCredentialsOpenChoice(true);
      setCredentialsPrompt(opening.reason);
    } else {
      void submitFromUrl();
    }
  }

  // Opening a link with ?link_token= runs its lookup once the server's configuration is known
  // (it tells whether credentials are needed). Once: not again on a re-render or a remount.
  const openedLink = useRef(false);
  const configKnown = serverInfo.status !== 'pending';
  const openLink = useEffectEvent(() => {
    const linkToken = linkTokenFromUrl(window.location.href);
    if (linkToken !== '') openFromUrl(linkToken);
  });
  useEffect(() => {
    if (openedLink.current || !configKnown) return;
    openedLink.current = true;
    openLink();
  }, [configKnown]);

  // Back and Forward show the lookup their URL names again, or the empty form before the first.
  const showLookupOfUrl = useEffectEvent(() => {
    const linkToken = linkTokenFromUrl(window.location.href);
    setCancelledToken(null);
    setCredentialsPrompt(null);
    if (linkToken === '') {
      form.setValue('link_token', '');
      form.clearErrors('link_token');
      setSubmitted(null);
      return;
    }
    form.setValue('link_token', linkToken, { shouldValidate: true });
    openFromUrl(linkToken);
  });
  useEffect(() => {
    const onPopState = () => showLookupOfUrl();
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

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

  const { status, data: outcome, error, dataUpdatedAt, errorUpdatedAt } = query;

  // Retry asks again for the answer on screen, when the failure may pass by itself (the diagnosis
  // says which: rate limits, Plaid's 5xx, timeouts, the network); after a Retry-After it waits.
  const retryable =
    error !== null && answerMatch === 'current' && diagnoseLookupError(error.error, error.httpStatus).retryable;
  const retryAt =
    retryable && error.retryAfterSeconds !== null ? errorUpdatedAt + error.retryAfterSeconds * 1000 : null;
  const retry = retryable
    ? () => {
        if (submitted) start(submitted.request, retryAt !== null && retryAt > Date.now() ? retryAt : null);
      }
    : null;

  const verdict = outcome ? watchVerdict(outcome.result.data, dataUpdatedAt) : null;
  const watchActive =
    watchRequested && answerMatch === 'current' && status === 'success' && verdict !== null && verdict.keepWatching;
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
    form,
    submit,
    lookUpToken,
    credentialsOpen,
    credentialsPrompt,
    credentialsNeeded,
    toggleCredentials: () => setCredentialsOpenChoice(!credentialsOpen),
    submitted,
    query,
    answerMatch,
    restoreForm,
    cancel,
    cancelledToken,
    retry,
    retryAt,
    watch,
    toggleWatch,
  };
}

export type Lookup = ReturnType<typeof useLookup>;
