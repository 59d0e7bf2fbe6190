import { useRef, useState } from 'react';
import { looksLikeClientLogs, MAX_PASTED_LOG_CHARS } from '../../../../shared/client-logs/paste-check';
import type { PastedLogsAnswer } from '../lib/pasted-logs-reader';
import { readPastedLogs } from '../lib/read-pasted-logs';

export type PastedLogsState =
  | { kind: 'none' }
  | { kind: 'reading'; chars: number }
  | { kind: 'too big'; chars: number }
  | { kind: 'failed'; message: string }
  | { kind: 'read'; answer: PastedLogsAnswer };

// Pasted Link client logs, read and diagnosed in this page only: never sent to the server, never
// kept. `offer` takes a paste that is logs (and says so); a link token among the logs is handed to
// `onLinkToken`, so Plaid is asked about it too.
export function usePastedLogs(onLinkToken: (linkToken: string) => void) {
  const [state, setState] = useState<PastedLogsState>({ kind: 'none' });
  // Only the latest paste's answer is shown, however the readings finish.
  const latest = useRef(0);

  function clear() {
    latest.current += 1;
    setState({ kind: 'none' });
  }

  function offer(text: string): boolean {
    if (!looksLikeClientLogs(text)) {
      clear();
      return false;
    }
    const paste = ++latest.current;
    if (text.length > MAX_PASTED_LOG_CHARS) {
      setState({ kind: 'too big', chars: text.length });
      return true;
    }
    setState({ kind: 'reading', chars: text.length });
    readPastedLogs(text, Date.now()).then(
      (answer) => {
        if (paste !== latest.current) return;
        setState({ kind: 'read', answer });
        const [linkToken] = answer.logs.linkTokens;
        if (linkToken) onLinkToken(linkToken);
      },
      (error: unknown) => {
        if (paste !== latest.current) return;
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return true;
  }

  return { state, offer, clear };
}

export type PastedLogs = ReturnType<typeof usePastedLogs>;
