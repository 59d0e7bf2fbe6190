import { useState } from 'react';
import type { ApiError } from '../../../api/api-error';
import { getHistoryExport, type HistoryExportFormat } from '../../../api/get-history';
import { Button } from '../../../components/Button';
import { CopyButton } from '../../../components/CopyButton';
import { Notice } from '../../../components/Notice';
import { downloadFile } from '../../../lib/download-file';
import {
  HISTORY_EXPORT_MAX_ROWS,
  type HistoryFilter,
  type HistoryPage,
} from '../../../../shared/history/history-api';
import { historyProblem } from '../lib/history-error';
import { historyTicket } from '../lib/history-ticket';
import styles from './history.module.css';

function exportFileName(format: HistoryExportFormat): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '');
  return `link-token-history-${stamp}.${format}`;
}

type ExportState =
  { kind: 'idle' } | { kind: 'exporting'; format: HistoryExportFormat } | { kind: 'failed'; error: ApiError };

// Above the list: the exports of the whole filtered list (the server writes them, as many rows as
// match, up to its limit), the ticket summary of what is shown and the link to this view.
export function HistoryToolbar({
  filter,
  page,
  description,
  link,
}: {
  filter: HistoryFilter;
  // The first page: its counts are the whole filtered set's.
  page: HistoryPage;
  description: readonly string[];
  link: string;
}) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  async function exportAs(format: HistoryExportFormat) {
    setState({ kind: 'exporting', format });
    try {
      const file = await getHistoryExport(filter, format);
      downloadFile(exportFileName(format), file.text, file.type);
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', error: error as ApiError });
    }
  }

  const rows = Math.min(page.total, HISTORY_EXPORT_MAX_ROWS);
  const rowsLabel = `${rows} ${rows === 1 ? 'row' : 'rows'}`;
  return (
    <div className={styles.toolbar}>
      <span className={styles.actions}>
        {(['csv', 'json'] as const).map((format) => (
          <Button
            key={format}
            size="small"
            onClick={() => void exportAs(format)}
            disabled={state.kind === 'exporting' || page.total === 0}
          >
            {state.kind === 'exporting' && state.format === format
              ? `Exporting ${format.toUpperCase()}…`
              : `Export ${format.toUpperCase()} (${rowsLabel})`}
          </Button>
        ))}
        <CopyButton
          label="Copy summary for a ticket: the filter, counts by verdict, banks with most failures and top error codes, as Markdown"
          caption="Copy summary for a ticket"
          getText={() => historyTicket(page, { filter: description, link }, new Date())}
        />
        <CopyButton
          label="Copy link to this view, with its filters"
          caption="Copy link to this view"
          text={link}
        />
      </span>
      {page.total > HISTORY_EXPORT_MAX_ROWS && (
        <span className={styles.muted}>
          Exports hold the newest {HISTORY_EXPORT_MAX_ROWS.toLocaleString('en-US')}; narrow the filter for the
          rest.
        </span>
      )}
      {state.kind === 'failed' && (
        <Notice tone="failure" role="alert">
          The export failed: {historyProblem(state.error).title}. {state.error.error.error_message}
        </Notice>
      )}
    </div>
  );
}
