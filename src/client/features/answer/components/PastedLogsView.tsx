import { useId } from 'react';
import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import { VisuallyHidden } from '../../../components/VisuallyHidden';
import { pastedLogsTicket, type ClientLogs, type PastedLogsDiagnosis } from '../../../../shared/client-logs';
import { VERDICT_LABELS } from '../../../../shared/diagnosis';
import { PastedLinesSection } from './PastedLinesSection';
import { SessionsSection } from './SessionsSection';
import { TicketCopyButtons } from './TicketCopyButtons';
import { verdictDocs } from '../lib/verdict-docs';
import { diagnosisVerdictProps } from './diagnosis-verdict-props';
import { VerdictBlock } from './VerdictBlock';
import styles from './PastedLogsView.module.css';

// The answer for pasted Link client logs, outcome first like Plaid's: the verdict of the sessions
// rebuilt from them, the sessions, then which lines were read and which were not. It says plainly
// where it came from: logs pasted here, not verified with Plaid, not kept.
// What the page read from the pasted text, as of `readAt` (epoch ms).
type PastedLogsRead = { logs: ClientLogs; result: PastedLogsDiagnosis; readAt: number };

export function PastedLogsView({ answer, onClear }: { answer: PastedLogsRead; onClear: () => void }) {
  const headingId = useId();
  const { logs, result, readAt } = answer;
  const { diagnosis } = result;
  const [linkToken] = logs.linkTokens;
  const masked = logs.maskedCount;
  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="pasted-logs-answer">
      <VisuallyHidden role="status">
        {diagnosis
          ? `From pasted logs: ${VERDICT_LABELS[diagnosis.verdict]}. ${diagnosis.headline}`
          : 'From pasted logs: no Link session could be read.'}
      </VisuallyHidden>
      <div className={styles.top}>
        <h2 id={headingId} className={styles.heading}>
          From pasted logs
        </h2>
        <Button size="small" onClick={onClear}>
          Clear pasted logs
        </Button>
      </div>
      <Notice tone="neutral">
        Rebuilt from the Link client logs pasted here, in this page only: Plaid did not confirm them, and they
        are not sent to the server or kept.
        {masked > 0 &&
          ` ${masked === 1 ? 'One token or secret' : `${masked} tokens or secrets`} in them ${masked === 1 ? 'is' : 'are'} masked.`}
        {linkToken && (
          <>
            {' '}
            They name the link token <code className={styles.token}>{linkToken}</code>: Plaid’s own answer for
            it is below.
          </>
        )}
      </Notice>
      {diagnosis ? (
        <>
          <VerdictBlock
            {...diagnosisVerdictProps(diagnosis)}
            docs={verdictDocs(diagnosis)}
            at={readAt}
            actions={<TicketCopyButtons ticket={(format) => pastedLogsTicket(logs, result, format)} />}
          />
          <SessionsSection
            sessions={result.sessions}
            diagnoses={diagnosis.sessions}
            verdictSessionId={diagnosis.linkSessionId}
          />
        </>
      ) : (
        <Notice tone="warning">
          No Link session could be read from the pasted lines: none held a Link callback or LINK webhook with
          a link_session_id. The lines and why each was not read are listed below.
        </Notice>
      )}
      <PastedLinesSection logs={logs} />
    </section>
  );
}
