import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { serverInfoQuery } from '../../../api/get-server-info';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import { watchVerdict } from '../lib/live-watch';
import { EMPTY_LOOKUP_FORM, LookupFormSchema, type LookupFormValues } from '../lib/lookup-form-schema';
import { linkTokenFromUrl } from '../lib/page-url';
import { useLinkTokenLookup, type SubmittedLookup } from './use-link-token-lookup';

// Everything the lookup form and its answer share: the form, the submitted lookup and its query,
// live watch, and the credentials section's open state. The page holds it, so that other parts of
// the page (fixture tokens, recent lookups) can start a lookup with `lookUpToken`.
export function useLookup() {
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

  const { status, data: outcome, dataUpdatedAt } = query;
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
  };
}

export type Lookup = ReturnType<typeof useLookup>;
