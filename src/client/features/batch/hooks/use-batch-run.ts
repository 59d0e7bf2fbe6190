import { useCallback, useEffect, useRef, useState } from 'react';
import { batchLookup, type BatchCredentials } from '../lib/batch-lookup';
import { pendingRow, rowFromOutcome, type BatchRow } from '../lib/batch-row';
import { runBatch, type BatchOutcome, type BatchProgress } from '../lib/run-batch';

export type BatchEntry = { token: string; outcome: BatchOutcome | null; row: BatchRow };

export type BatchRunState = {
  entries: BatchEntry[];
  progress: BatchProgress | null;
  phase: 'idle' | 'running' | 'finished' | 'cancelled';
};

const IDLE: BatchRunState = { entries: [], progress: null, phase: 'idle' };

// React state around runBatch: one entry per token, filled in as answers arrive. Credentials are
// only passed through to the lookups, never kept in state. Leaving the page cancels the batch.
export function useBatchRun() {
  const [state, setState] = useState<BatchRunState>(IDLE);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const start = useCallback(async (tokens: string[], credentials: BatchCredentials) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const positions = new Map(tokens.map((token, index) => [token, index]));
    setState({
      entries: tokens.map((token) => ({ token, outcome: null, row: pendingRow(token, 'Pending') })),
      progress: null,
      phase: 'running',
    });

    const summary = await runBatch({
      tokens,
      lookup: batchLookup(credentials),
      signal: controller.signal,
      onResult: (token, outcome) =>
        setState((current) => {
          const entries = [...current.entries];
          entries[positions.get(token)!] = {
            token,
            outcome,
            row: rowFromOutcome(token, outcome, Date.now()),
          };
          return { ...current, entries };
        }),
      onProgress: (progress) => setState((current) => ({ ...current, progress })),
    });

    // A newer batch replaced this one: its state is not ours to touch.
    if (controllerRef.current !== controller) return;
    setState((current) => ({
      progress: summary,
      phase: summary.cancelled ? 'cancelled' : 'finished',
      entries: current.entries.map((entry) =>
        entry.outcome ? entry : { ...entry, row: pendingRow(entry.token, 'Cancelled') },
      ),
    }));
  }, []);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  return { state, start, cancel };
}
