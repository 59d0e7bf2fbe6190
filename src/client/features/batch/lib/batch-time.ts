import { formatDuration } from '../../../../shared/domain/format-time';

// How long a batch takes. Our server lets each user make RATE_LIMIT_PER_MINUTE API requests per
// one-minute window; past that it answers 429 until the window ends and the batch waits. So a
// batch larger than the limit is bound by it: 500 tokens at 120 a minute need five windows, four
// waits of up to a minute each. Below the limit, the time depends on Plaid's answers.

export const MINUTE_MS = 60_000;

// Before the run: what to expect, in one sentence.
export function describeExpectedTime(tokens: number, perMinute: number): string {
  const limit = `this server allows ${perMinute} lookups a minute per user`;
  if (tokens <= perMinute) return `Expected time: under a minute (${limit}).`;
  const waits = Math.ceil(tokens / perMinute) - 1;
  return `Expected time: about ${waits} ${waits === 1 ? 'minute' : 'minutes'}: ${limit}, so the batch waits for the limit ${waits === 1 ? 'once' : `${waits} times`}.`;
}

export type Pace = { perMinute: number; msLeft: number };

// While it runs: lookups a minute so far and, at that pace, the time left. Null until a few answers
// make the pace worth saying.
export function currentPace(done: number, total: number, elapsedMs: number): Pace | null {
  if (done < 3 || elapsedMs < 1000) return null;
  const perMs = done / elapsedMs;
  return { perMinute: Math.round(perMs * MINUTE_MS), msLeft: (total - done) / perMs };
}

export function describePace(pace: Pace): string {
  const left = pace.msLeft < 1000 ? 'almost done' : `about ${formatDuration(pace.msLeft)} left`;
  return `${pace.perMinute} lookups a minute, ${left}`;
}
