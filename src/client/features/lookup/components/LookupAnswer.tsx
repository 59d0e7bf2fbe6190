import { ErrorPanel } from '../../../components/answer/ErrorPanel';
import { StatusPanel } from '../../../components/answer/StatusPanel';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import { VisuallyHidden } from '../../../components/VisuallyHidden';
import { TOKEN_STATUS_LABELS } from '../../../../shared/domain/token-status';
import type { Lookup } from '../hooks/use-lookup';
import { lookupSummary } from '../lib/lookup-summary';
import { CopyLinkButton } from './CopyLinkButton';
import styles from './LookupAnswer.module.css';
import toolbar from './toolbar.module.css';
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
    const summary = lookupSummary(outcome.result.data, dataUpdatedAt);
    announcement = `Link token ${TOKEN_STATUS_LABELS[summary.status].toLowerCase()}, ${summary.sessions}.`;
    if (fresh > 0) announcement += ` ${fresh} new ${fresh === 1 ? 'event' : 'events'}.`;
  }
  if (watch) announcement += ` ${watchStatusText(watch)}`;

  return (
    <>
      <VisuallyHidden role="status">{announcement.trim()}</VisuallyHidden>
      <div ref={resultRef} className={styles.result} aria-busy={query.isFetching}>
        {query.isLoading && <p className={styles.loading}>Looking up the token…</p>}
        {submitted && (outcome || error) && (
          <div className={toolbar.toolbar}>
            {watch && <WatchControl {...watch} onToggle={toggleWatch} />}
            <CopyLinkButton key={submitted.id} linkToken={submitted.request.link_token} />
          </div>
        )}
        {error && <ErrorPanel error={error} />}
        {outcome && (
          <>
            {error && (
              <p className={text.muted}>
                Below: the last answer received, at{' '}
                <Timestamp value={new Date(dataUpdatedAt).toISOString()} timeOnly />.
              </p>
            )}
            <StatusPanel result={outcome.result} newEventIds={outcome.newEventIds} />
          </>
        )}
      </div>
    </>
  );
}
