import { ApiError, clientError } from '../../../api/api-error';
import type { LookupSuccess } from '../../../api/lookup-link-token';
import { errorSource } from '../../../../shared/domain/error-title';

// Looks up many tokens with a fixed number of requests in flight. A 429 pauses the whole pool for
// as long as the server's Retry-After asks (the limit is shared, so the other workers would only
// collect 429s of their own), then retries that token. Aborting the signal stops the in-flight
// requests and everything still queued. Plain module, no React, so it runs in tests and in the
// benchmark exactly as in the browser.

export const DEFAULT_CONCURRENCY = 4;
// Retries per token after a 429; then it is reported with the 429's error.
const MAX_RETRIES = 3;
// Used when a 429 carries no Retry-After; doubles with each retry of the same token.
const FALLBACK_BACKOFF_MS = 1000;
// A Retry-After of minutes would freeze the batch; the bounded retries end it instead.
const MAX_PAUSE_MS = 60_000;

export type LookupFn = (token: string, signal: AbortSignal) => Promise<LookupSuccess>;

export type BatchOutcome = { kind: 'success'; result: LookupSuccess } | { kind: 'error'; error: ApiError };

export type BatchProgress = {
  total: number;
  done: number;
  errors: number;
  // How many times a 429 paused the pool.
  rateLimitedWaits: number;
  // Epoch milliseconds until which the pool is paused, or null when it is not.
  pausedUntil: number | null;
  // Whose limit paused it: Plaid's (RATE_LIMIT_EXCEEDED, passed on) or this inspector's server's.
  pausedBy: 'plaid' | 'server' | null;
};

export type RunBatchOptions = {
  tokens: readonly string[];
  lookup: LookupFn;
  signal: AbortSignal;
  concurrency?: number;
  onResult?: (token: string, outcome: BatchOutcome) => void;
  onProgress?: (progress: BatchProgress) => void;
};

export type BatchSummary = BatchProgress & { cancelled: boolean };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

function asApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  return clientError('UNEXPECTED_ERROR', cause instanceof Error ? cause.message : String(cause));
}

export async function runBatch(options: RunBatchOptions): Promise<BatchSummary> {
  const { tokens, lookup, signal, onResult, onProgress } = options;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;

  const queue = tokens.map((token) => ({ token, retries: 0 }));
  const progress: BatchProgress = {
    total: tokens.length,
    done: 0,
    errors: 0,
    rateLimitedWaits: 0,
    pausedUntil: null,
    pausedBy: null,
  };
  const report = () => onProgress?.({ ...progress });

  function pauseFor(ms: number, by: 'plaid' | 'server') {
    const until = Date.now() + Math.min(ms, MAX_PAUSE_MS);
    progress.pausedUntil = Math.max(progress.pausedUntil ?? 0, until);
    progress.pausedBy = by;
    progress.rateLimitedWaits += 1;
    report();
  }

  async function waitOutPause(pausedUntil: number) {
    const remaining = pausedUntil - Date.now();
    if (remaining > 0) {
      await sleep(remaining, signal);
    } else {
      progress.pausedUntil = null;
      progress.pausedBy = null;
      report();
    }
  }

  async function worker() {
    for (;;) {
      if (signal.aborted) return;
      // Checked right before taking a token (no await in between), so a pause that began while this
      // worker was busy is always seen.
      if (progress.pausedUntil !== null) {
        await waitOutPause(progress.pausedUntil);
        continue;
      }
      const item = queue.shift();
      if (!item) return;
      try {
        const result = await lookup(item.token, signal);
        progress.done += 1;
        onResult?.(item.token, { kind: 'success', result });
      } catch (cause) {
        if (signal.aborted) return;
        const error = asApiError(cause);
        if (error.httpStatus === 429 && item.retries < MAX_RETRIES) {
          item.retries += 1;
          pauseFor(
            error.retryAfterSeconds !== null
              ? error.retryAfterSeconds * 1000
              : FALLBACK_BACKOFF_MS * 2 ** (item.retries - 1),
            errorSource(error.error) === 'plaid' ? 'plaid' : 'server',
          );
          // Back to the front: it was next in line before the pause.
          queue.unshift(item);
          continue;
        }
        progress.done += 1;
        progress.errors += 1;
        onResult?.(item.token, { kind: 'error', error });
      }
      report();
    }
  }

  report();
  await Promise.all(Array.from({ length: Math.min(concurrency, tokens.length) }, worker));
  return { ...progress, pausedUntil: null, pausedBy: null, cancelled: progress.done < progress.total };
}
