import { useMemo, useRef } from 'react';
import { ErrorPanel } from '../../../components/answer/ErrorPanel';
import { StatusPanel } from '../../../components/answer/StatusPanel';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import { VisuallyHidden } from '../../../components/VisuallyHidden';
import type { Lookup } from '../hooks/use-lookup';
import { useSettledLookup, type SettledLookup } from '../hooks/use-settled-lookup';
import { answerVerdict, errorVerdict } from '../lib/lookup-verdict';
import { shareableLink } from '../lib/page-url';
import { CopyLinkButton } from './CopyLinkButton';
import styles from './LookupAnswer.module.css';
import toolbar from './toolbar.module.css';
import { WatchControl, watchStatusText } from './WatchControl';

// The answer to the lookup: loading, then the error or the status panel, with live watch and the
// shareable link above it; announced to screen readers in one sentence, the verdict.
export function AnswerView({
  lookup,
  onSettled,
}: {
  lookup: Lookup;
  onSettled: (settled: SettledLookup) => void;
}) {
  const { submitted, query, watch, toggleWatch } = lookup;
  const { data: outcome, error, status, dataUpdatedAt, errorUpdatedAt } = query;
  const resultRef = useRef<HTMLDivElement>(null);
  const answer = useMemo(
    () => (outcome ? answerVerdict(outcome.result.data, dataUpdatedAt) : null),
    [outcome, dataUpdatedAt],
  );
  const failure = useMemo(() => (error ? errorVerdict(error) : null), [error]);
  useSettledLookup(lookup, status === 'error' ? failure : answer, resultRef, onSettled);

  let announcement = '';
  if (query.isLoading) announcement = 'Looking up…';
  else if (failure) announcement = failure.sentence;
  else if (answer && outcome) {
    const fresh = outcome.newEventIds.size;
    announcement = answer.sentence;
    if (fresh > 0) announcement += ` ${fresh} new ${fresh === 1 ? 'event' : 'events'}.`;
  }
  if (watch) announcement += ` ${watchStatusText(watch)}`;

  const linkToken = submitted?.request.link_token;
  const inspectorUrl = linkToken ? shareableLink(window.location.origin, linkToken) : undefined;
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
        {submitted && error && (
          <ErrorPanel
            key={submitted.id}
            error={error}
            failedAt={errorUpdatedAt}
            linkToken={linkToken}
            inspectorUrl={inspectorUrl}
          />
        )}
        {submitted && outcome && (
          <>
            {error && (
              <p className={text.muted}>
                Below: the last answer received, at{' '}
                <Timestamp value={new Date(dataUpdatedAt).toISOString()} timeOnly />.
              </p>
            )}
            <StatusPanel
              // A new lookup starts afresh (the verdict's session open, the others folded); live
              // watch's polls of the same lookup keep what the user opened.
              key={submitted.id}
              result={outcome.result}
              answeredAt={dataUpdatedAt}
              inspectorUrl={inspectorUrl}
              newEventIds={outcome.newEventIds}
            />
          </>
        )}
      </div>
    </>
  );
}
