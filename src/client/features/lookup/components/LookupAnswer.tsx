import { useId } from 'react';
import { ErrorPanel } from '../../../components/answer/ErrorPanel';
import { StatusPanel } from '../../../components/answer/StatusPanel';
import type { Lookup } from '../hooks/use-lookup';
import { lookupSummary } from '../lib/lookup-summary';
import { CopyLinkButton } from './CopyLinkButton';
import { LookupProgress } from './LookupProgress';
import { RetryButton } from './RetryButton';
import { StaleAnswerNotice } from './StaleAnswerNotice';
import { WatchControl, watchStatusText } from './WatchControl';
import './lookup.css';

// What the screen reader hears when the answer area changes, in one sentence.
function announcementOf(lookup: Lookup): string {
  const { query, watch, answerMatch, cancelledToken } = lookup;
  const { data: outcome, error, dataUpdatedAt } = query;
  if (cancelledToken !== null) return 'Lookup cancelled.';
  if (query.isLoading) return 'Looking up…';
  let announcement = '';
  if (answerMatch === 'other-token') announcement = 'The answer below is for the previous token. ';
  if (answerMatch === 'other-credentials') announcement = 'The answer below is for the earlier credentials. ';
  if (error) announcement += `Lookup failed: ${error.error.error_code}.`;
  else if (outcome) {
    const fresh = outcome.newEventIds.size;
    announcement += `Link token ${lookupSummary(outcome.result.data, dataUpdatedAt).toLowerCase()}.`;
    if (fresh > 0) announcement += ` ${fresh} new ${fresh === 1 ? 'event' : 'events'}.`;
  }
  if (watch) announcement += ` ${watchStatusText(watch)}`;
  return announcement.trim();
}

// The answer to the lookup: loading (with Cancel in the form), then the error or the status panel,
// with Retry, live watch and the shareable link above it. An answer that no longer matches the
// form is dimmed under a notice that says whose answer it is.
export function LookupAnswer({ lookup }: { lookup: Lookup }) {
  const { submitted, query, watch, toggleWatch, resultRef, answerMatch } = lookup;
  const { data: outcome, error, dataUpdatedAt } = query;
  const noticeId = useId();
  const stale = answerMatch !== 'current';

  return (
    <>
      <p role="status" className="visually-hidden">
        {announcementOf(lookup)}
      </p>
      <div ref={resultRef} className="result" aria-busy={query.isFetching}>
        {submitted && query.isLoading && <LookupProgress notBefore={submitted.notBefore} />}
        {lookup.cancelledToken !== null && (
          <p className="result__loading">
            Lookup cancelled. Nothing was looked up for <code>{lookup.cancelledToken}</code>.
          </p>
        )}
        {submitted && stale && (outcome || error) && (
          <StaleAnswerNotice
            id={noticeId}
            match={answerMatch}
            lookedUpToken={submitted.request.link_token}
            onRestore={lookup.restoreForm}
          />
        )}
        {submitted && (outcome || error) && (
          <div
            data-testid="lookup-answer"
            className={stale ? 'lookup-answer lookup-answer--stale' : 'lookup-answer'}
            aria-describedby={stale ? noticeId : undefined}
          >
            <div className="toolbar">
              {lookup.retry && !query.isFetching && (
                <RetryButton retryAt={lookup.retryAt} onRetry={lookup.retry} />
              )}
              {watch && <WatchControl {...watch} onToggle={toggleWatch} />}
              <CopyLinkButton key={submitted.id} linkToken={submitted.request.link_token} />
            </div>
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
        )}
      </div>
    </>
  );
}
