import { Button } from '../../../components/Button';
import { CopyButton } from '../../../components/CopyButton';
import formStyles from '../../../components/form.module.css';
import { downloadFile } from '../../../lib/download-file';
import type { BatchEntry } from '../hooks/use-batch-run';
import type { BatchRow } from '../lib/batch-row';
import type { BatchSource } from '../lib/batch-source';
import { batchTicket } from '../lib/batch-ticket';
import { filterWords } from '../lib/filter-words';
import type { RowFilter } from '../lib/sort-filter-rows';
import { toCsv, toJson } from '../lib/export-batch';
import styles from './batch.module.css';

function exportFileName(extension: string): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
  return `link-token-batch-${stamp}.${extension}`;
}

// Above the table: the text filter, how many rows show, the exports and the ticket summary of the
// rows shown (the summary says which filter).
export function BatchToolbar({
  entries,
  visibleRows,
  filter,
  source,
  onTextChange,
}: {
  entries: readonly BatchEntry[];
  visibleRows: readonly BatchRow[];
  filter: RowFilter;
  // What the paste held besides the tokens, for the exports.
  source: BatchSource;
  onTextChange: (text: string) => void;
}) {
  const text = filter.text;
  function exportCsv() {
    downloadFile(exportFileName('csv'), toCsv(visibleRows, source), 'text/csv;charset=utf-8');
  }

  function exportJson() {
    const byToken = new Map(entries.map((entry) => [entry.token, entry]));
    const shown = visibleRows.map((row) => ({
      row,
      outcome: byToken.get(row.token)?.outcome ?? null,
      notKept: byToken.get(row.token)?.notKept ?? null,
    }));
    downloadFile(exportFileName('json'), toJson(shown, new Date(), source), 'application/json');
  }

  const rowsLabel = `${visibleRows.length} ${visibleRows.length === 1 ? 'row' : 'rows'}`;
  return (
    <div className={styles.tools}>
      <label>
        Filter rows{' '}
        <input
          className={formStyles.input}
          type="search"
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
        />
      </label>
      <span className={styles.count}>
        Showing {visibleRows.length} of {entries.length}
      </span>
      <span className={styles.actions}>
        <Button size="small" onClick={exportCsv} disabled={visibleRows.length === 0}>
          Export CSV ({rowsLabel})
        </Button>
        <Button size="small" onClick={exportJson} disabled={visibleRows.length === 0}>
          Export JSON ({rowsLabel})
        </Button>
        <CopyButton
          label="Copy summary for a ticket: the rows shown, their counts, top error codes and institutions, as Markdown"
          caption="Copy summary for a ticket"
          getText={() => {
            const words = filterWords(filter);
            return batchTicket(
              visibleRows,
              new Date(),
              words === null ? null : { filter: words, batchSize: entries.length },
            );
          }}
        />
      </span>
    </div>
  );
}
