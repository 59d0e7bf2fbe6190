import { useId } from 'react';
import type { ApiError } from '../../api/api-error';
import { useDisclosure } from '../../hooks/use-disclosure';
import { ERROR_SOURCE_LABELS, errorSource, errorTitle } from '../../../shared/domain/error-title';
import { LOOKUP_FAILED } from '../../../shared/domain/status-tone';
import { Button } from '../Button';
import { CodeBlock } from '../CodeBlock';
import { Notice } from '../Notice';
import { StatusBadge } from '../StatusBadge';
import text from '../text.module.css';
import { toneClass } from '../tone';
import styles from './ErrorPanel.module.css';
import { PlaidErrorDetails } from './PlaidErrorDetails';

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

// A failed lookup: what went wrong in words first, then Plaid's fields for support tickets.
export function ErrorPanel({ error }: { error: ApiError }) {
  const plaidError = error.error;
  const source = errorSource(plaidError);
  const id = useId();
  // Named by who failed and what went wrong: "Error from Plaid, Plaid does not know this link token".
  return (
    <section
      className={`${styles.panel} ${toneClass(LOOKUP_FAILED.tone)}`}
      aria-labelledby={`${id}-source ${id}-heading`}
    >
      <p>
        <span id={`${id}-source`}>
          <StatusBadge tone={LOOKUP_FAILED.tone}>{ERROR_SOURCE_LABELS[source]}</StatusBadge>
        </span>
        {error.httpStatus !== null && <span className={text.muted}> HTTP {error.httpStatus}</span>}
      </p>
      <h2 id={`${id}-heading`} className={styles.heading} tabIndex={-1}>
        {errorTitle(plaidError)}
      </h2>
      <p className={styles.message}>{plaidError.display_message ?? plaidError.error_message}</p>
      {error.retryAfterSeconds !== null && (
        <Notice tone="neutral">
          Try again in {error.retryAfterSeconds} {error.retryAfterSeconds === 1 ? 'second' : 'seconds'} (the
          server asked to wait that long).
        </Notice>
      )}
      <PlaidErrorDetails error={plaidError} docsLink={source === 'plaid'} />
      <RawBody raw={error.raw} />
    </section>
  );
}
