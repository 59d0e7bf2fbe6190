import { ErrorPanel } from '../../../components/answer/ErrorPanel';
import { StatusPanel } from '../../../components/answer/StatusPanel';
import type { Lookup } from '../hooks/use-lookup';
import { lookupSummary } from '../lib/lookup-summary';
import { CopyLinkButton } from './CopyLinkButton';
import { WatchControl, watchStatusText } from './WatchControl';

// The answer to the lookup: loading, then the error or the status panel, with live watch and the
// shareable link above it; announced to screen readers in one sentence.
export function LookupAnswer({ lookup }: { lookup: Lookup }) {
  const { submitted, query, watch, toggleWatch, resultRef } = lookup;
  const { data: outcome, error, dataUpdatedAt } = query;

  let announcement = '';
  if (query.isLoading) announcement = 'Looking up…';
  else if (error) announcement = `Lookup failed: ${error.error.error_code}.`;
  else if (outcome) {
    const fresh = outcome.newEventIds.size;
    announcement = `Link token ${lookupSummary(outcome.result.data, dataUpdatedAt).toLowerCase()}.`;
    if (fresh > 0) announcement += ` ${fresh} new ${fresh === 1 ? 'event' : 'events'}.`;
  }
  if (watch) announcement += ` ${watchStatusText(watch)}`;

  return (
    <>
      <p role="status" className="visually-hidden">
        {announcement.trim()}
      </p>
      <div ref={resultRef} className="result" aria-busy={query.isFetching}>
        {query.isLoading && <p className="result__loading">Looking up the token…</p>}
        {submitted && (outcome || error) && (
          <div className="toolbar">
            {watch && <WatchControl {...watch} onToggle={toggleWatch} />}
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
    </>
  );
}
