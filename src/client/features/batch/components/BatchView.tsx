import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState } from 'react';
import { serverInfoQuery } from '../../../api/get-server-info';
import { BATCH_STATUSES } from '../lib/batch-row';
import type { BatchRequest } from '../lib/batch-form-schema';
import { BatchDetails } from './BatchDetails';
import { BatchInput, type BatchIncoming } from './BatchInput';
import { BatchProgress } from './BatchProgress';
import { BatchTable } from './BatchTable';
import { downloadFile } from '../../../lib/download-file';
import { toCsv, toJson } from '../lib/export-batch';
import { filterRows, sortRows, type RowFilter, type Sort } from '../lib/sort-filter-rows';
import { Button } from '../../../components/Button';
import formStyles from '../../../components/form.module.css';
import text from '../../../components/text.module.css';
import { useBatchRun } from '../hooks/use-batch-run';
import styles from './batch.module.css';

function exportFileName(extension: string): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
  return `link-token-batch-${stamp}.${extension}`;
}

// Many tokens at once: paste, look up with a bounded pool, then scan, sort, filter, open any row
// in the full status panel, and export. `incoming`: tokens another view sent here.
export function BatchView({ incoming = null }: { incoming?: BatchIncoming | null }) {
  const id = useId();
  const detailsId = `${id}-details`;
  const { data: serverInfo } = useQuery(serverInfoQuery);
  const { state, start, cancel } = useBatchRun();
  const [sort, setSort] = useState<Sort | null>(null);
  const [filter, setFilter] = useState<RowFilter>({ text: '', status: 'all' });
  const [selectedToken, setSelectedToken] = useState<string | null>(null);

  const visibleRows = useMemo(() => {
    const filtered = filterRows(
      state.entries.map((entry) => entry.row),
      filter,
    );
    return sort ? sortRows(filtered, sort) : filtered;
  }, [state.entries, filter, sort]);
  const selectedEntry = state.entries.find((entry) => entry.token === selectedToken) ?? null;

  const onStart = useCallback(
    (request: BatchRequest) => {
      setSelectedToken(null);
      void start(request.tokens, request.credentials);
    },
    [start],
  );
  const onSelect = useCallback((token: string) => setSelectedToken(token), []);

  function exportCsv() {
    downloadFile(exportFileName('csv'), toCsv(visibleRows), 'text/csv;charset=utf-8');
  }

  function exportJson() {
    const byToken = new Map(state.entries.map((entry) => [entry.token, entry.outcome]));
    const entries = visibleRows.map((row) => ({ row, outcome: byToken.get(row.token) ?? null }));
    downloadFile(exportFileName('json'), toJson(entries, new Date()), 'application/json');
  }

  const rowsLabel = `${visibleRows.length} ${visibleRows.length === 1 ? 'row' : 'rows'}`;
  return (
    <section className={styles.view} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.heading}>
        Batch lookup
      </h2>
      <p className={text.hint}>
        Paste up to 500 link tokens, or any text that contains them, to see which are alive, which sessions
        succeeded and which failed.
      </p>
      <BatchInput
        incoming={incoming}
        onStart={onStart}
        running={state.phase === 'running'}
        allowCredentials={serverInfo?.allowRequestCredentials ?? false}
        simulatorMode={serverInfo?.mode === 'simulator'}
      />

      {state.phase !== 'idle' && (
        <>
          <BatchProgress state={state} onCancel={cancel} />

          <div className={styles.tools}>
            <label>
              Filter rows{' '}
              <input
                className={formStyles.input}
                type="search"
                value={filter.text}
                onChange={(event) => setFilter({ ...filter, text: event.target.value })}
              />
            </label>
            <label>
              Status{' '}
              <select
                className={formStyles.input}
                value={filter.status}
                onChange={(event) =>
                  setFilter({ ...filter, status: event.target.value as RowFilter['status'] })
                }
              >
                <option value="all">All</option>
                {BATCH_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {status}
                  </option>
                ))}
              </select>
            </label>
            <span className={styles.count}>
              Showing {visibleRows.length} of {state.entries.length}
            </span>
            <Button size="small" onClick={exportCsv} disabled={visibleRows.length === 0}>
              Export CSV ({rowsLabel})
            </Button>
            <Button size="small" onClick={exportJson} disabled={visibleRows.length === 0}>
              Export JSON ({rowsLabel})
            </Button>
          </div>

          <BatchTable
            rows={visibleRows}
            sort={sort}
            onSortChange={setSort}
            selectedToken={selectedToken}
            detailsId={detailsId}
            onSelect={onSelect}
          />

          {selectedEntry && (
            <BatchDetails entry={selectedEntry} id={detailsId} onClose={() => setSelectedToken(null)} />
          )}
        </>
      )}
    </section>
  );
}
