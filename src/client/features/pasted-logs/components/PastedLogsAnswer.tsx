import { Suspense, type ComponentType } from 'react';
import { Notice } from '../../../components/Notice';
import { MAX_PASTED_LOG_CHARS } from '../../../../shared/client-logs/paste-check';
import type { PastedLogs } from '../hooks/use-pasted-logs';
import type { PastedLogsAnswer as Answer } from '../lib/pasted-logs-reader';

// The view of what was read comes from the answer feature, which the app hands over (features do not
// import each other); it loads apart from the entry chunk, like the lookup's answer.
type PastedLogsViewType = ComponentType<{ answer: Answer; onClear: () => void }>;

function megabytes(chars: number): string {
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}

// What became of the last paste of Link client logs into the lookup's field.
export function PastedLogsAnswer({ pastedLogs, View }: { pastedLogs: PastedLogs; View: PastedLogsViewType }) {
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
          <View answer={state.answer} onClear={pastedLogs.clear} />
        </Suspense>
      );
  }
}
