import { memo, useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../../components/Button';
import { CopyButton } from '../../../components/CopyButton';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { VisuallyHidden } from '../../../components/VisuallyHidden';
import { notKeptReason } from '../lib/answer-budget';
import { ROW_VERDICT_LABELS, ROW_VERDICT_TONES } from '../lib/row-verdict';
import type { BatchEntry } from '../hooks/use-batch-run';
import type { BatchRunLookup } from '../lib/bank-targets';
import type { BatchOutcome } from '../lib/run-batch';
import type { AnswerPanels } from './answer-panels';
import styles from './BatchDrawer.module.css';

type BatchDrawerProps = {
  entry: BatchEntry;
  // The batch run, for a failed session's bank health (asked with the batch's credentials).
  runLookup: BatchRunLookup | null;
  panels: AnswerPanels;
  // How the table shows the token (lib/token-labels.ts).
  label: string;
  id: string;
  headingId: string;
  // Where the row is among the rows shown (0-based), and how many are shown.
  index: number;
  total: number;
  // null at either end of the rows shown.
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
  onClose: () => void;
  // On a narrow screen the drawer covers the page as a modal dialog, which also keeps keyboard
  // focus inside it; on a wide one it stands beside the table.
  fullScreen: boolean;
};

function Frame({
  fullScreen,
  onClose,
  children,
  ...props
}: {
  fullScreen: boolean;
  onClose: () => void;
  children: ReactNode;
  id: string;
  className: string;
  'aria-label': string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (fullScreen) dialogRef.current?.showModal();
  }, [fullScreen]);
  if (!fullScreen) return <section {...props}>{children}</section>;
  return (
    <dialog
      ref={dialogRef}
      {...props}
      onCancel={(event) => {
        // Escape: close through our state, so that focus goes back to the row.
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}

// The answer's panel, the verdict first, as in the Lookup tab: as of when the row was diagnosed,
// so that it says what the row says. Memoised: while a batch runs the view re-renders ten times a
// second, and a large answer's panel need not re-render with it.
const Answer = memo(function Answer({
  token,
  outcome,
  at,
  runLookup,
  panels: { StatusPanel, ErrorPanel },
}: {
  token: string;
  outcome: BatchOutcome | null;
  at: number | undefined;
  runLookup: BatchRunLookup | null;
  panels: AnswerPanels;
}) {
  if (outcome?.kind === 'success') {
    return <StatusPanel result={outcome.result} answeredAt={at} lookup={runLookup ?? undefined} />;
  }
  if (outcome?.kind === 'error') return <ErrorPanel error={outcome.error} failedAt={at} linkToken={token} />;
  return null;
});

// A row without an answer of its own (yet).
function notLookedUp(row: BatchEntry['row'], retrying: boolean): string | null {
  if (retrying) return 'Being looked up again; the last answer stays below until the new one arrives.';
  if (row.verdict === 'pending') return 'Not looked up yet.';
  if (row.verdict === 'cancelled') return 'Not looked up: the batch was cancelled first.';
  if (row.verdict === 'not kept')
    return 'Not kept: after the page reloaded, the store held no answer for this token. Look it up again.';
  return null;
}

// One row's details beside the table: the full status panel (or error panel), verdict first, from
// the answer already fetched — no second request. Previous / Next (and J / K, handled by the
// batch view) step through the rows shown without moving the table.
export function BatchDrawer(props: BatchDrawerProps) {
  const {
    entry,
    runLookup,
    panels,
    label,
    id,
    headingId,
    index,
    total,
    onPrevious,
    onNext,
    onClose,
    fullScreen,
  } = props;
  const { row, outcome, notKept } = entry;
  const retrying = row.verdict === 'pending' && outcome !== null;
  // The open row may have been filtered away since it was opened.
  const position = index === -1 ? 'not among the rows shown' : `${index + 1} of ${total}`;
  return (
    <Frame
      fullScreen={fullScreen}
      onClose={onClose}
      id={id}
      className={fullScreen ? `${styles.drawer} ${styles.fullScreen}` : `${styles.drawer}`}
      aria-label={`Details for ${row.token}`}
    >
      <div className={styles.bar}>
        <h2 id={headingId} className={styles.heading} tabIndex={-1}>
          <code title={row.token}>{label}</code> <span className={text.muted}>{position}</span>
        </h2>
        <div className={styles.nav}>
          <CopyButton label={`Copy ${row.token}`} text={row.token} caption="Copy token" />
          <Button size="small" onClick={onPrevious ?? undefined} disabled={!onPrevious} aria-keyshortcuts="K">
            Previous <kbd aria-hidden="true">K</kbd>
          </Button>
          <Button size="small" onClick={onNext ?? undefined} disabled={!onNext} aria-keyshortcuts="J">
            Next <kbd aria-hidden="true">J</kbd>
          </Button>
          <Button size="small" onClick={onClose} aria-keyshortcuts="Escape">
            Close details
          </Button>
        </div>
      </div>
      {/* Previous / Next keep focus on their button: this says which row is now shown. */}
      <VisuallyHidden role="status">
        {`Row ${position}: ${ROW_VERDICT_LABELS[row.verdict]}, ${label}`}
      </VisuallyHidden>
      {notLookedUp(row, retrying) && (
        <Notice tone={ROW_VERDICT_TONES[row.verdict]}>
          <StatusBadge tone={ROW_VERDICT_TONES[row.verdict]}>{ROW_VERDICT_LABELS[row.verdict]}</StatusBadge>{' '}
          {notLookedUp(row, retrying)}
        </Notice>
      )}
      {notKept && <Notice tone="warning">{notKeptReason(notKept)}</Notice>}
      <Answer
        token={row.token}
        outcome={outcome}
        at={row.diagnosedAt ?? undefined}
        runLookup={runLookup}
        panels={panels}
      />
    </Frame>
  );
}
