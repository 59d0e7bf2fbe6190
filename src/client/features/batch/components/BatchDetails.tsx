import { ErrorPanel, StatusPanel } from '../../status-panel';
import type { BatchEntry } from '../use-batch-run';

// The full single-token view for the row the user opened, from the answer already fetched: no
// second request.
export function BatchDetails({ entry, id, onClose }: { entry: BatchEntry; id: string; onClose: () => void }) {
  const { outcome, row } = entry;
  return (
    <section id={id} className="batch-details" aria-label={`Details for ${row.token}`}>
      <div className="batch-details__header">
        <h3>
          Details for <code>{row.token}</code>
        </h3>
        <button type="button" onClick={onClose}>
          Close details
        </button>
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
