import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef } from 'react';
import { serverInfoQuery } from '../../../api/get-server-info';
import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import { VisuallyHidden } from '../../../components/VisuallyHidden';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import type { LookupRunView } from '../hooks/use-lookup-run';
import { useSettledLookup, type SettledLookup } from '../hooks/use-settled-lookup';
import type { AnswerPanels } from './answer-panels';
import { withKeptSessions } from '../../../../shared/kept/kept-view';
import { answerVerdict, errorVerdict, type LookupVerdictSummary } from '../lib/lookup-verdict';
import { ticketLink } from '../../../lib/address-bar';
import { CopyLinkButton } from './CopyLinkButton';
import styles from './LookupAnswer.module.css';
import { LookupProgress } from './LookupProgress';
import { RetryButton } from './RetryButton';
import { StaleAnswerNotice } from './StaleAnswerNotice';
import toolbar from './toolbar.module.css';
import { WatchControl, watchStatusText } from './WatchControl';

// The credentials the lookup was made with, for the lookups its answer leads to (null: the
// server's own).
function requestCredentials(request: LinkTokenGetRequest): { client_id: string; secret: string } | null {
  const { client_id, secret } = request;
  return client_id !== undefined && secret !== undefined ? { client_id, secret } : null;
}

// What the screen reader hears when the answer area changes, in one sentence: the verdict.
function announcementOf(
  run: LookupRunView,
  answer: LookupVerdictSummary | null,
  failure: LookupVerdictSummary | null,
): string {
  const { query, watch, answerMatch, cancelledToken } = run;
  if (cancelledToken !== null) return 'Lookup cancelled.';
  if (query.isLoading) return 'Looking up…';
  let announcement = '';
  if (answerMatch === 'other-token') announcement = 'The answer below is for the previous token. ';
  if (answerMatch === 'other-credentials') announcement = 'The answer below is for the earlier credentials. ';
  if (failure) announcement += failure.sentence;
  else if (answer && query.data) {
    const fresh = query.data.newEventIds.size;
    announcement += answer.sentence;
    if (fresh > 0) announcement += ` ${fresh} new ${fresh === 1 ? 'event' : 'events'}.`;
  }
  if (watch) announcement += ` ${watchStatusText(watch)}`;
  return announcement.trim();
}

// The answer to the lookup: loading (with Cancel in the form), then the error or the status panel,
// with Retry, live watch and the shareable link above it. An answer that no longer matches the
// form is dimmed under a notice that says whose answer it is.
export function AnswerView({
  run,
  panels: { StatusPanel, ErrorPanel },
  onSettled,
}: {
  run: LookupRunView;
  panels: AnswerPanels;
  onSettled: (settled: SettledLookup) => void;
}) {
  const { submitted, query, watch, toggleWatch, answerMatch, cancelledToken } = run;
  const { data: outcome, error, status, dataUpdatedAt, errorUpdatedAt } = query;
  const resultRef = useRef<HTMLDivElement>(null);
  const noticeId = useId();
  const stale = answerMatch !== 'current';
  const answer = useMemo(
    () =>
      outcome
        ? answerVerdict(
            withKeptSessions(outcome.result.data, outcome.result.kept?.sessions).data,
            dataUpdatedAt,
          )
        : null,
    [outcome, dataUpdatedAt],
  );
  const failure = useMemo(() => (error ? errorVerdict(error) : null), [error]);
  useSettledLookup(run, status === 'error' ? failure : answer, resultRef, onSettled);

  const { data: serverInfo } = useQuery(serverInfoQuery);
  const linkToken = submitted?.request.link_token;
  const inspectorUrl = linkToken ? ticketLink(serverInfo?.publicUrl ?? null, linkToken) : undefined;
  return (
    <>
      <VisuallyHidden role="status">{announcementOf(run, answer, failure)}</VisuallyHidden>
      <div ref={resultRef} className={styles.result} aria-busy={query.isFetching}>
        {submitted && query.isLoading && <LookupProgress notBefore={submitted.notBefore} />}
        {cancelledToken !== null && (
          <Notice tone="neutral">
            Lookup cancelled: no answer is shown for <code className={text.break}>{cancelledToken}</code> (the
            request may already have reached Plaid).
          </Notice>
        )}
        {submitted && stale && (outcome || error) && (
          <StaleAnswerNotice
            id={noticeId}
            match={answerMatch}
            lookedUpToken={submitted.request.link_token}
            onRestore={run.restoreForm}
          />
        )}
        {submitted && (outcome || error) && (
          <div
            data-testid="lookup-answer"
            className={stale ? `${styles.answer} ${styles.stale}` : styles.answer}
            aria-describedby={stale ? noticeId : undefined}
          >
            <div className={toolbar.toolbar}>
              {run.retry && !query.isFetching && <RetryButton retryAt={run.retryAt} onRetry={run.retry} />}
              {watch && <WatchControl {...watch} onToggle={toggleWatch} />}
              <CopyLinkButton key={submitted.id} linkToken={submitted.request.link_token} />
            </div>
            {submitted.fromStore && (
              <Notice tone="neutral">
                {outcome?.result.fromStore ? (
                  <>
                    This is the answer the inspector’s store kept, as {outcome.result.fromStore.seenBy} saw it
                    at <Timestamp value={outcome.result.fromStore.seenAt} />: Plaid was not asked now.
                  </>
                ) : (
                  'The inspector’s store was asked for its kept answer: Plaid was not asked.'
                )}{' '}
                <Button size="small" onClick={run.askPlaid}>
                  Ask Plaid now
                </Button>
              </Notice>
            )}
            {error && (
              <ErrorPanel
                key={submitted.id}
                error={error}
                failedAt={errorUpdatedAt}
                linkToken={linkToken}
                inspectorUrl={inspectorUrl}
              />
            )}
            {outcome && (
              <>
                {error && (
                  <p className={text.muted}>
                    Below: the last answer received, at{' '}
                    <Timestamp value={new Date(dataUpdatedAt).toISOString()} timeOnly />.
                  </p>
                )}
                <StatusPanel
                  // A new lookup starts afresh (the verdict's session open, the others folded);
                  // live watch's polls of the same lookup keep what the user opened.
                  key={submitted.id}
                  result={outcome.result}
                  answeredAt={dataUpdatedAt}
                  inspectorUrl={inspectorUrl}
                  newEventIds={outcome.newEventIds}
                  lookup={{
                    id: `lookup-${submitted.id}`,
                    credentials: requestCredentials(submitted.request),
                  }}
                />
              </>
            )}
          </div>
        )}
      </div>
    </>
  );
}
