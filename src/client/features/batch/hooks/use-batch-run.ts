import { useCallback, useEffect, useRef, useState } from 'react';
import { readKeptAnswers, type KeptAnswers } from '../../../api/read-kept-answers';
import { ANSWER_BUDGET_CHARS, withAnswers, type AnswerNotKept } from '../lib/answer-budget';
import type { BatchRunLookup } from '../lib/bank-targets';
import { batchLookup, type BatchCredentials } from '../lib/batch-lookup';
import { pendingRow, rowFromOutcome, type BatchRow } from '../lib/batch-row';
import { runBatch, type BatchOutcome, type BatchProgress } from '../lib/run-batch';

// While a retry runs, `outcome` still holds the failed lookup being retried (the row says Pending).
// `notKept`: the answer arrived but was over the batch's memory budget (lib/answer-budget.ts); the
// row still holds its diagnosis, `outcome` is null.
export type BatchEntry = {
  token: string;
  outcome: BatchOutcome | null;
  row: BatchRow;
  notKept: AnswerNotKept | null;
};

// The run in progress or last finished: the whole batch, a retry of some of its tokens, or a batch
// brought back after a reload from the store's kept answers (restore).
export type BatchRun = { kind: 'batch' | 'retry' | 'restore'; total: number; startedAt: number };

export type BatchRunState = {
  entries: BatchEntry[];
  progress: BatchProgress | null;
  phase: 'idle' | 'running' | 'finished' | 'cancelled';
  run: BatchRun | null;
  // Why a restored batch has no kept answers at all (no store, or it could not be read).
  restoreError: string | null;
};

const IDLE: BatchRunState = { entries: [], progress: null, phase: 'idle', run: null, restoreError: null };

// With the server's limit lifted, answers arrive by the hundred a second. They are applied in one
// state update at most every FLUSH_MS, so the table and the breakdown re-render ten times a second
// instead of once per answer, and the page stays responsive.
const FLUSH_MS = 100;

function pendingEntry(token: string, outcome: BatchOutcome | null = null): BatchEntry {
  return { token, outcome, row: pendingRow(token, 'pending'), notKept: null };
}

// A row still pending when its run ends: back to the answer it had before a retry, else Cancelled.
function settled(entry: BatchEntry): BatchEntry {
  if (entry.row.verdict !== 'pending') return entry;
  return {
    ...entry,
    row: entry.outcome
      ? rowFromOutcome(entry.token, entry.outcome, Date.now())
      : pendingRow(entry.token, 'cancelled'),
  };
}

// React state around runBatch: one entry per token, filled in as answers arrive. The shared
// credentials are kept only in memory (like the form that holds them too), for "Retry failed
// lookups" and the banks' health (`runLookup`); never in storage or exports. Leaving the page
// cancels the run.
export function useBatchRun() {
  const [state, setState] = useState<BatchRunState>(IDLE);
  const controllerRef = useRef<AbortController | null>(null);
  const credentialsRef = useRef<BatchCredentials>(null);
  const runCount = useRef(0);
  // Each new batch gets its own key, so health answers asked with one batch's credentials are
  // never shown for another's.
  const [runLookup, setRunLookup] = useState<BatchRunLookup | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const execute = useCallback(async (tokens: string[], kind: BatchRun['kind']) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const current = () => controllerRef.current === controller;
    const run: BatchRun = { kind, total: tokens.length, startedAt: Date.now() };
    const retried = new Set(tokens);
    setState((previous) => ({
      entries:
        kind === 'batch'
          ? tokens.map((token) => pendingEntry(token))
          : previous.entries.map((entry) =>
              retried.has(entry.token) ? pendingEntry(entry.token, entry.outcome) : entry,
            ),
      progress: null,
      phase: 'running',
      run,
      restoreError: null,
    }));

    let arrived: [string, BatchOutcome][] = [];
    let latestProgress: BatchProgress | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    function flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (!current()) return;
      const now = Date.now();
      const updates = new Map(
        arrived.map(([token, outcome]) => [
          token,
          { token, outcome, row: rowFromOutcome(token, outcome, now), notKept: null },
        ]),
      );
      const progress = latestProgress;
      arrived = [];
      setState((previous) => ({
        ...previous,
        progress: progress ?? previous.progress,
        entries:
          updates.size === 0 ? previous.entries : withAnswers(previous.entries, updates, ANSWER_BUDGET_CHARS),
      }));
    }
    function schedule() {
      timer ??= setTimeout(flush, FLUSH_MS);
    }

    const summary = await runBatch({
      tokens,
      lookup: batchLookup(credentialsRef.current),
      signal: controller.signal,
      onResult: (token, outcome) => {
        arrived.push([token, outcome]);
        schedule();
      },
      onProgress: (progress) => {
        latestProgress = progress;
        schedule();
      },
    });
    flush();

    // A newer run replaced this one: its state is not ours to touch.
    if (!current()) return;
    setState((previous) => ({
      ...previous,
      progress: summary,
      phase: summary.cancelled ? 'cancelled' : 'finished',
      entries: previous.entries.map(settled),
    }));
  }, []);

  const start = useCallback(
    (tokens: string[], credentials: BatchCredentials) => {
      credentialsRef.current = credentials;
      runCount.current += 1;
      setRunLookup({ id: `batch-${runCount.current}`, credentials });
      return execute(tokens, 'batch');
    },
    [execute],
  );
  const retry = useCallback((tokens: string[]) => execute(tokens, 'retry'), [execute]);

  // A batch saved before a reload (lib/batch-session.ts): each token's answer from the store's kept
  // answers, without asking Plaid; a token the store does not hold says "Not kept".
  const restore = useCallback(async (tokens: string[]) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const run: BatchRun = { kind: 'restore', total: tokens.length, startedAt: Date.now() };
    setState({ ...IDLE, entries: tokens.map((token) => pendingEntry(token)), phase: 'running', run });

    let answers: KeptAnswers;
    let restoreError: string | null = null;
    try {
      answers = await readKeptAnswers(tokens, { signal: controller.signal });
    } catch (error) {
      answers = { kept: new Map(), notKept: tokens };
      restoreError = controller.signal.aborted
        ? 'cancelled'
        : error instanceof Error
          ? error.message
          : String(error);
    }
    if (controllerRef.current !== controller) return;
    const now = Date.now();
    const restored = new Map(
      tokens.map((token): [string, BatchEntry] => {
        const result = answers.kept.get(token);
        if (!result)
          return [token, { token, outcome: null, row: pendingRow(token, 'not kept'), notKept: null }];
        const outcome: BatchOutcome = { kind: 'success', result };
        return [token, { token, outcome, row: rowFromOutcome(token, outcome, now), notKept: null }];
      }),
    );
    setState((previous) => ({
      entries: withAnswers(previous.entries, restored, ANSWER_BUDGET_CHARS),
      progress: {
        total: tokens.length,
        done: answers.kept.size,
        errors: 0,
        rateLimitedWaits: 0,
        pausedUntil: null,
        pausedBy: null,
      },
      phase: 'finished',
      run,
      restoreError,
    }));
  }, []);
  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  return { state, runLookup, start, retry, restore, cancel };
}
