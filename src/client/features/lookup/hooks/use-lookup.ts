import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { serverInfoQuery } from '../../../api/get-server-info';
import type { TokenStatus } from '../../../../shared/domain/token-status';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import { watchVerdict } from '../lib/live-watch';
import { EMPTY_LOOKUP_FORM, LookupFormSchema, type LookupFormValues } from '../lib/lookup-form-schema';
import { lookupSummary } from '../lib/lookup-summary';
import { linkTokenFromUrl } from '../lib/page-url';
import { useLinkTokenLookup, type SubmittedLookup } from './use-link-token-lookup';

// A lookup the user asked for (not a live-watch poll) has settled.
export type SettledLookup = {
  linkToken: string;
  // The token's status when the answer arrived, or "failed" when the lookup ended in an error.
  status: TokenStatus['kind'] | 'failed';
  // "1 session" for an answer, the error code for a failure.
  detail: string;
  at: number;
};

// Screen readers land on the answer's heading, wherever the panel puts it.
function focusFirstHeading(container: HTMLElement | null) {
  const heading = container?.querySelector<HTMLElement>('h2, h3');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

// Everything the lookup form and its answer share: the form, the submitted lookup and its query,
// live watch, and the credentials section's open state. The page holds it, so that other parts of
// the page (fixture tokens, recent lookups) can start a lookup with `lookUpToken`.
export function useLookup(onSettled: (settled: SettledLookup) => void) {
  const { data: serverInfo } = useQuery(serverInfoQuery);
  const form = useForm<LookupFormValues, unknown, LinkTokenGetRequest>({
    resolver: zodResolver(LookupFormSchema),
    mode: 'onChange',
    defaultValues: { ...EMPTY_LOOKUP_FORM, link_token: linkTokenFromUrl(window.location.href) },
  });
  const [credentialsOpenChoice, setCredentialsOpenChoice] = useState<boolean | null>(null);
  const [submitted, setSubmitted] = useState<SubmittedLookup | null>(null);
  const [watchRequested, setWatchRequested] = useState(false);
  const query = useLinkTokenLookup(submitted, watchRequested);
  const settledLookupId = useRef<number | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // Without server credentials in real Plaid mode the user must give theirs: show the fields.
  const credentialsOpen =
    credentialsOpenChoice ?? (serverInfo?.mode === 'plaid' && serverInfo.serverCredentials.length === 0);

  const submit = form.handleSubmit(
    (request) => {
      setSubmitted((previous) => ({ id: (previous?.id ?? 0) + 1, request }));
      setWatchRequested(false);
    },
    (errors) => {
      // A credentials error must not hide inside a collapsed section.
      if (errors.client_id || errors.secret) setCredentialsOpenChoice(true);
    },
  );

  function lookUpToken(linkToken: string) {
    form.setValue('link_token', linkToken, { shouldValidate: true });
    void submit();
  }

  // When a lookup the user asked for settles: move focus to the answer and report it.
  const { status, data: outcome, error, dataUpdatedAt, errorUpdatedAt } = query;
  useEffect(() => {
    if (!submitted || status === 'pending' || settledLookupId.current === submitted.id) return;
    settledLookupId.current = submitted.id;
    focusFirstHeading(resultRef.current);
    const at = Math.max(dataUpdatedAt, errorUpdatedAt);
    const linkToken = submitted.request.link_token;
    if (outcome) {
      const summary = lookupSummary(outcome.result.data, at);
      onSettled({ linkToken, status: summary.status, detail: summary.sessions, at });
    } else {
      onSettled({ linkToken, status: 'failed', detail: error?.error.error_code ?? 'unknown error', at });
    }
  }, [submitted, status, outcome, error, dataUpdatedAt, errorUpdatedAt, onSettled]);

  const verdict = outcome ? watchVerdict(outcome.result.data, dataUpdatedAt) : null;
  const watchActive = watchRequested && status === 'success' && verdict !== null && verdict.keepWatching;
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
    toggleCredentials: () => setCredentialsOpenChoice(!credentialsOpen),
    submitted,
    query,
    watch,
    toggleWatch,
    resultRef,
  };
}

export type Lookup = ReturnType<typeof useLookup>;
