import { useId, useMemo } from 'react';
import { useDisclosure } from '../../hooks/use-disclosure';
import { downloadFile } from '../../lib/download-file';
import { CopyButton } from '../CopyButton';

function rawJsonFileName(token: string): string {
  // Keep the file name portable whatever the token holds.
  return `link-token-${token.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

// Plaid's answer exactly as received. Serialised only when needed: for the very large token it
// is megabytes of text.
export function RawJsonSection({ raw, token }: { raw: unknown; token: string }) {
  const headingId = useId();
  const { open, buttonProps, panelProps } = useDisclosure();
  const text = useMemo(() => (open ? JSON.stringify(raw, null, 2) : ''), [open, raw]);
  const serialise = () => text || JSON.stringify(raw, null, 2);
  return (
    <section className="sp-section" aria-labelledby={headingId}>
      <div className="sp-section__header">
        <h3 id={headingId}>Raw JSON</h3>
        <div className="sp-actions">
          <button type="button" className="sp-button sp-button--small" {...buttonProps}>
            {open ? 'Hide raw JSON' : 'Show raw JSON'}
          </button>
          <CopyButton label="Copy raw JSON" getText={serialise} />
          <button
            type="button"
            className="sp-button sp-button--small"
            onClick={() => downloadFile(rawJsonFileName(token), serialise(), 'application/json')}
          >
            Download
          </button>
        </div>
      </div>
      <div {...panelProps}>
        {open && (
          <pre className="sp-raw" tabIndex={0} aria-label="Raw JSON answer">
            {text}
          </pre>
        )}
      </div>
    </section>
  );
}
