import { useState } from 'react';
import { Button } from '../../../components/Button';
import { shareableLink } from '../../../lib/address-bar';
import styles from './toolbar.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

// Puts a link that opens this page with the token filled in on the clipboard, for a colleague
// or a support ticket. Only the token goes in: credentials never appear in a URL.
export function CopyLinkButton({ linkToken }: { linkToken: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const link = shareableLink(window.location.origin, linkToken);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className={styles.control}>
      <Button onClick={copy}>Copy link</Button>
      <span role="status" className={styles.status}>
        {state === 'copied' && 'Link copied'}
        {state === 'failed' && (
          <>
            Could not copy; select the link: <code className={styles.url}>{link}</code>
          </>
        )}
      </span>
    </span>
  );
}
