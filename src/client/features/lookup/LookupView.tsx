import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ServerInfo } from '../../../shared/api-types';
import type { LinkTokenGetRequest } from '../../../shared/schemas/link-token-get-request';
import { serverInfoQuery } from '../../api/get-server-info';
import { RecentLookups, useRecentLookups, type RecentLookup } from '../recent-lookups';
import { FixturePicker } from '../simulator';
import { ErrorPanel, StatusPanel } from '../status-panel';
import { CopyLinkButton } from './CopyLinkButton';
import { watchVerdict } from './live-watch';
import { EMPTY_LOOKUP_FORM, LookupFormSchema, type LookupFormValues } from './lookup-form-schema';
import { LookupForm } from './LookupForm';
import { linkTokenFromUrl } from './page-url';
import { useLinkTokenLookup, type LookupOutcome, type SubmittedLookup } from './use-link-token-lookup';
import { WatchControl, watchStatusText } from './WatchControl';
import type { LookupError } from '../../api/lookup-link-token';

function credentialsHint(info: ServerInfo | undefined): string | null {
  if (!info) return "Leave empty to use the server's credentials.";
  if (!info.allowRequestCredentials) return null;
  if (info.mode === 'simulator') {
    return "Leave empty to use the server's. The simulator accepts only client ID simulator-client-id with secret simulator-secret.";
  }
  if (info.serverCredentials.length === 0) {
    return "The server has no Plaid credentials: enter your client ID and the secret for the token's environment.";
  }
  return `Leave empty to use the server's credentials (it has them for ${info.serverCredentials.join(' and ')}).`;
}

function isExpired(outcome: LookupOutcome, at: number): boolean {
  const { expiration } = outcome.result.data;
  return expiration !== null && new Date(expiration).getTime() <= at;
}

function summarise(outcome: LookupOutcome, at: number): string {
  const sessions = outcome.result.data.link_sessions?.length ?? 0;
  return `${isExpired(outcome, at) ? 'Expired' : 'Active'}, ${sessions} ${sessions === 1 ? 'session' : 'sessions'}`;
}

function recentEntry(
  linkToken: string,
  outcome: LookupOutcome | undefined,
  error: LookupError | null,
  at: number,
): RecentLookup {
  return {
    linkToken,
    outcome: outcome ? summarise(outcome, at) : (error?.error.error_code ?? 'Failed'),
    failed: !outcome,
    lookedUpAt: new Date(at).toISOString(),
  };
}

// Screen readers land on the answer's heading, wherever the panel puts it.
function focusFirstHeading(container: HTMLElement | null) {
  const heading = container?.querySelector<HTMLElement>('h2, h3');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

export function LookupView() {
  const { data: serverInfo } = useQuery(serverInfoQuery);
  const form = useForm<LookupFormValues, unknown, LinkTokenGetRequest>({
    resolver: zodResolver(LookupFormSchema),
    mode: 'onChange',
    defaultValues: { ...EMPTY_LOOKUP_FORM, link_token: linkTokenFromUrl(window.location.href) },
  });
  const [credentialsOpenChoice, setCredentialsOpenChoice] = useState<boolean | null>(null);
  const [submitted, setSubmitted] = useState<SubmittedLookup | null>(null);
  const [watchRequested, setWatchRequested] = useState(false);
  const lookup = useLinkTokenLookup(submitted, watchRequested);
  const recent = useRecentLookups();
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

  // When a lookup the user asked for settles (not a live-watch poll): move focus to the answer
  // and remember the lookup.
  const { status, data: outcome, error, dataUpdatedAt, errorUpdatedAt } = lookup;
  const addRecent = recent.add;
  useEffect(() => {
    if (!submitted || status === 'pending' || settledLookupId.current === submitted.id) return;
    settledLookupId.current = submitted.id;
    focusFirstHeading(resultRef.current);
    addRecent(
      recentEntry(submitted.request.link_token, outcome, error, Math.max(dataUpdatedAt, errorUpdatedAt)),
    );
  }, [submitted, status, outcome, error, dataUpdatedAt, errorUpdatedAt, addRecent]);

  const verdict = outcome ? watchVerdict(outcome.result.data, dataUpdatedAt) : null;
  const watchActive = watchRequested && status === 'success' && verdict !== null && verdict.keepWatching;
  const watchState = verdict && {
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
      void lookup.refetch();
    }
  }

  let announcement = '';
  if (lookup.isLoading) announcement = 'Looking up…';
  else if (error) announcement = `Lookup failed: ${error.error.error_code}.`;
  else if (outcome) {
    const fresh = outcome.newEventIds.size;
    announcement = `Link token ${summarise(outcome, dataUpdatedAt).toLowerCase()}.`;
    if (fresh > 0) announcement += ` ${fresh} new ${fresh === 1 ? 'event' : 'events'}.`;
  }
  if (watchState) announcement += ` ${watchStatusText(watchState)}`;

  return (
    <div className="lookup-layout">
      <div className="lookup-layout__main">
        <LookupForm
          form={form}
          onSubmit={submit}
          busy={lookup.isLoading}
          credentialsHint={credentialsHint(serverInfo)}
          credentialsOpen={credentialsOpen}
          onToggleCredentials={() => setCredentialsOpenChoice(!credentialsOpen)}
        />
        <p role="status" className="visually-hidden">
          {announcement.trim()}
        </p>
        <div ref={resultRef} className="result" aria-busy={lookup.isFetching}>
          {lookup.isLoading && <p className="result__loading">Looking up the token…</p>}
          {submitted && (outcome || error) && (
            <div className="toolbar">
              {watchState && <WatchControl {...watchState} onToggle={toggleWatch} />}
              <CopyLinkButton key={submitted.id} linkToken={submitted.request.link_token} />
            </div>
          )}
          {error && <ErrorPanel error={error} />}
          {outcome && (
            <>
              {error && (
                <p className="muted">
                  Below: the last answer received, at {new Date(dataUpdatedAt).toLocaleTimeString()}.
                </p>
              )}
              <StatusPanel result={outcome.result} newEventIds={outcome.newEventIds} />
            </>
          )}
        </div>
      </div>
      <div className="lookup-layout__side">
        {serverInfo?.mode === 'simulator' && <FixturePicker onPick={lookUpToken} />}
        <RecentLookups lookups={recent.lookups} onRerun={lookUpToken} onClear={recent.clear} />
      </div>
    </div>
  );
}
