import { useId } from 'react';
import type { ApiError } from '../../api/api-error';
import { useDisclosure } from '../../hooks/use-disclosure';
import { Chip } from '../Chip';
import { PlaidErrorDetails } from './PlaidErrorDetails';
import { ERROR_SOURCE_LABELS, errorSource, errorTitle } from '../../../shared/domain/error-title';
import './status-panel.css';

function RawBody({ raw }: { raw: unknown }) {
  const { open, buttonProps, panelProps } = useDisclosure();
  if (raw === null || raw === undefined) return null;
  return (
    <div className="sp-raw-toggle">
      <button type="button" className="sp-button sp-button--small" {...buttonProps}>
        {open ? 'Hide the raw answer' : 'Show the raw answer'}
      </button>
      <div {...panelProps}>
        {open && (
          // Focusable, so that a long answer can be scrolled from the keyboard.
          <pre className="sp-raw" tabIndex={0} aria-label="Raw answer">
            {typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2)}
          </pre>
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
    <section className="sp-panel sp-panel--error" aria-labelledby={`${id}-source ${id}-heading`}>
      <p className="sp-error-source">
        <span id={`${id}-source`}>
          <Chip tone="bad">{ERROR_SOURCE_LABELS[source]}</Chip>
        </span>
        {error.httpStatus !== null && <span className="sp-muted"> HTTP {error.httpStatus}</span>}
      </p>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {errorTitle(plaidError)}
      </h2>
      <p className="sp-error-message">{plaidError.display_message ?? plaidError.error_message}</p>
      {error.retryAfterSeconds !== null && (
        <p className="sp-notice">
          Try again in {error.retryAfterSeconds} {error.retryAfterSeconds === 1 ? 'second' : 'seconds'} (the
          server asked to wait that long).
        </p>
      )}
      <PlaidErrorDetails error={plaidError} docsLink={source === 'plaid'} />
      <RawBody raw={error.raw} />
    </section>
  );
}
