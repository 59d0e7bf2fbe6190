import { useEffect, useRef } from 'react';
import { ErrorPanel } from '../../../components/answer/ErrorPanel';
import { StatusPanel } from '../../../components/answer/StatusPanel';
import { Button } from '../../../components/Button';
import type { BatchEntry } from '../hooks/use-batch-run';
import styles from './batch.module.css';

// The full single-token view for the row the user opened, from the answer already fetched: no
// second request.
export function BatchDetails({ entry, id, onClose }: { entry: BatchEntry; id: string; onClose: () => void }) {
  const { outcome, row } = entry;
  const sectionRef = useRef<HTMLElement>(null);

  // The panel opens below a long table: bring it into view and move focus there, so keyboard and
  // screen reader users land on what they asked for.
  useEffect(() => {
    sectionRef.current?.focus();
    // Optional: jsdom, where the component tests run, has no scrollIntoView.
    sectionRef.current?.scrollIntoView?.({ block: 'start' });
  }, [row.token]);

  return (
    <section
      ref={sectionRef}
      id={id}
      tabIndex={-1}
      className={styles.details}
      aria-label={`Details for ${row.token}`}
    >
      <div className={styles.detailsHeader}>
        <h3>
          Details for <code>{row.token}</code>
        </h3>
        <Button size="small" onClick={onClose}>
          Close details
        </Button>
      </div>
      {outcome === null && (
        <p>
          {row.status === 'Cancelled'
            ? 'Not looked up: the batch was cancelled first.'
            : 'Not looked up yet.'}
        </p>
      )}
      {outcome?.kind === 'success' && <StatusPanel result={outcome.result} />}
      {outcome?.kind === 'error' && <ErrorPanel error={outcome.error} />}
    </section>
  );
}
