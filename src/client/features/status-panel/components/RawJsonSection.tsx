import { useId, useMemo, useState } from 'react';
import { CopyButton } from './CopyButton';

export function rawJsonFileName(token: string): string {
  // Keep the file name portable whatever the token holds.
  return `link-token-${token.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

// Plaid's answer exactly as received. Serialised only when needed: for the very large token it
// is megabytes of text.
export function RawJsonSection({ raw, token }: { raw: unknown; token: string }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const text = useMemo(() => (open ? JSON.stringify(raw, null, 2) : ''), [open, raw]);
  const serialise = () => text || JSON.stringify(raw, null, 2);
  return (
    <section className="sp-section" aria-labelledby="sp-raw-heading">
      <div className="sp-section__header">
        <h3 id="sp-raw-heading">Raw JSON</h3>
        <div className="sp-actions">
          <button
            type="button"
            className="sp-button sp-button--small"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide raw JSON' : 'Show raw JSON'}
          </button>
          <CopyButton label="Copy raw JSON" getText={serialise} />
          <button
            type="button"
            className="sp-button sp-button--small"
            onClick={() => download(serialise(), rawJsonFileName(token))}
          >
            Download
          </button>
        </div>
      </div>
      <div id={bodyId} hidden={!open}>
        {open && (
          <pre className="sp-raw" tabIndex={0} aria-label="Raw JSON answer">
            {text}
          </pre>
        )}
      </div>
    </section>
  );
}
