import { useMemo } from 'react';
import { useDisclosure } from '../hooks/use-disclosure';
import { downloadFile } from '../../../lib/download-file';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { CodeBlock } from '../../../components/CodeBlock';
import { CopyButton } from '../../../components/CopyButton';

function rawJsonFileName(token: string): string {
  // Keep the file name portable whatever the token holds.
  return `link-token-${token.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

// Plaid's answer exactly as received. Serialised only when needed: for the very large token it
// is megabytes of text.
export function RawJsonSection({ raw, token }: { raw: unknown; token: string }) {
  const { open, buttonProps, panelProps } = useDisclosure();
  const text = useMemo(() => (open ? JSON.stringify(raw, null, 2) : ''), [open, raw]);
  const serialise = () => text || JSON.stringify(raw, null, 2);
  const actions = (
    <>
      <Button size="small" {...buttonProps}>
        {open ? 'Hide raw JSON' : 'Show raw JSON'}
      </Button>
      <CopyButton label="Copy raw JSON" getText={serialise} />
      <Button
        size="small"
        onClick={() => downloadFile(rawJsonFileName(token), serialise(), 'application/json')}
      >
        Download
      </Button>
    </>
  );
  return (
    <Card title="Raw JSON" titleLevel={3} actions={actions}>
      <div {...panelProps}>{open && <CodeBlock label="Raw JSON answer">{text}</CodeBlock>}</div>
    </Card>
  );
}
