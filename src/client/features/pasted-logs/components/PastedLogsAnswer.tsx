import { lazy, Suspense } from 'react';
import { Notice } from '../../../components/Notice';
import { MAX_PASTED_LOG_CHARS } from '../../../../shared/client-logs/paste-check';
import type { PastedLogs } from '../hooks/use-pasted-logs';

// The view and the diagnosis it shows load apart from the entry chunk, like the lookup's answer.
const PastedLogsView = lazy(() =>
  import('./PastedLogsView').then(
    (module) => ({ default: module.PastedLogsView }),
    () => ({
      default: () => (
        <Notice tone="failure" role="alert">
          The view of pasted logs could not be loaded: reload the page and paste the logs again.
        </Notice>
      ),
    }),
  ),
);

function megabytes(chars: number): string {
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}

// What became of the last paste of Link client logs into the lookup's field.
export function PastedLogsAnswer({ pastedLogs }: { pastedLogs: PastedLogs }) {
  const { state } = pastedLogs;
  const reading = (
    <p role="status">Reading the pasted logs ({state.kind === 'reading' ? megabytes(state.chars) : '…'})…</p>
  );
  switch (state.kind) {
    case 'none':
      return null;
    case 'reading':
      return reading;
    case 'too big':
      return (
        <Notice tone="warning" role="alert">
          The pasted logs are {megabytes(state.chars)}; the inspector reads at most{' '}
          {megabytes(MAX_PASTED_LOG_CHARS)} at a time. Paste the lines of the one session: search the log for
          its link_session_id.
        </Notice>
      );
    case 'failed':
      return (
        <Notice tone="failure" role="alert">
          The pasted logs could not be read ({state.message}). Paste them again; if this repeats, paste fewer
          lines.
        </Notice>
      );
    case 'read':
      return (
        <Suspense fallback={reading}>
          <PastedLogsView answer={state.answer} onClear={pastedLogs.clear} />
        </Suspense>
      );
  }
}
