import { useId, useMemo, useState } from 'react';
import type { ApiError } from '../../../api/api-error';
import { useDisclosure } from '../hooks/use-disclosure';
import { diagnoseLookupError, lookupErrorSummary, VERDICT_LABELS } from '../../../../shared/diagnosis';
import { ERROR_SOURCE_LABELS, errorSource, errorTitle } from '../../../../shared/domain/error-title';
import { Button } from '../../../components/Button';
import { CodeBlock } from '../../../components/CodeBlock';
import styles from './ErrorPanel.module.css';
import { KeptBesideError } from './KeptBesideError';
import { PlaidErrorDetails } from './PlaidErrorDetails';
import { TicketCopyButtons } from './TicketCopyButtons';
import { VerdictBlock } from './VerdictBlock';

function RawBody({ raw }: { raw: unknown }) {
  const { open, buttonProps, panelProps } = useDisclosure();
  if (raw === null || raw === undefined) return null;
  return (
    <div>
      <Button size="small" {...buttonProps}>
        {open ? 'Hide the raw answer' : 'Show the raw answer'}
      </Button>
      <div {...panelProps}>
        {open && (
          <CodeBlock label="Raw answer">
            {typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2)}
          </CodeBlock>
        )}
      </div>
    </div>
  );
}

type ErrorPanelProps = {
  error: ApiError;
  // When the lookup failed (epoch ms), for the verdict and the ticket text. Without it (Batch's
  // details), when the panel is first shown.
  failedAt?: number;
  // What was looked up (left out of the ticket unless it is a link token) and a link back to it.
  linkToken?: string;
  inspectorUrl?: string;
};

// A failed lookup, in the same shape as an answer: who failed and what went wrong, then the
// verdict (who acts next and the next step), then Plaid's fields for support tickets.
export function ErrorPanel({ error, linkToken, inspectorUrl, ...props }: ErrorPanelProps) {
  const plaidError = error.error;
  const [shownAt] = useState(() => Date.now());
  const failedAt = props.failedAt ?? shownAt;
  const source = errorSource(plaidError);
  const diagnosis = useMemo(
    () => diagnoseLookupError(plaidError, error.httpStatus, error.retryAfterSeconds),
    [plaidError, error.httpStatus, error.retryAfterSeconds],
  );
  const id = useId();
  const headline = (
    <>
      <code>{plaidError.error_code || plaidError.error_type || 'no error code'}</code>
      {' · '}
      <span id={`${id}-source`}>{ERROR_SOURCE_LABELS[source]}</span>
      {error.httpStatus !== null && ` · HTTP ${error.httpStatus}`}
    </>
  );
  const message = plaidError.display_message ?? plaidError.error_message;
  // Named by who failed and what went wrong: "Error from Plaid, Plaid does not know this link token".
  return (
    <section className={styles.panel} aria-labelledby={`${id}-source ${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.heading} tabIndex={-1}>
        {errorTitle(plaidError)}
      </h2>
      <VerdictBlock
        label={VERDICT_LABELS[diagnosis.verdict]}
        tone={diagnosis.tone}
        headline={headline}
        facts={message ? [{ label: 'Error message', value: message }] : []}
        actor={diagnosis.actor}
        nextStep={diagnosis.nextStep}
        explanation={diagnosis.explanation}
        docs={
          diagnosis.docsUrl
            ? { href: diagnosis.docsUrl, label: `Plaid’s docs for ${diagnosis.errorCode}` }
            : null
        }
        notes={[]}
        at={failedAt}
        actions={
          <TicketCopyButtons
            ticket={(format) =>
              lookupErrorSummary(plaidError, error.httpStatus, failedAt, {
                format,
                linkToken,
                inspectorUrl,
                retryAfterSeconds: error.retryAfterSeconds,
              })
            }
          />
        }
      />
      <KeptBesideError raw={error.raw} linkToken={linkToken} />
      {/* Plaid's docs link is in the verdict's next step. */}
      <PlaidErrorDetails error={plaidError} docsLink={false} />
      <RawBody raw={error.raw} />
    </section>
  );
}
