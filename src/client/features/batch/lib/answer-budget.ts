import type { BatchOutcome } from './run-batch';

// Plaid's answers a batch keeps in memory, for the details drawer and the JSON export: at most
// this many characters of them in all (250 answers of 16 MB each crashed the tab). An ordinary
// answer is a few KB, so a batch of 500 stays far below. Past the budget a row keeps its
// diagnosis, made from the whole answer, and the answer itself is dropped; the view, the drawer
// and the export say so. A failed lookup's error is always kept: it is small, and Retry needs it.
export const ANSWER_BUDGET_CHARS = 64 * 1024 * 1024;

// An answer that was not kept: how large it was.
export type AnswerNotKept = { size: number };

type Answered = { token: string; outcome: BatchOutcome | null; notKept: AnswerNotKept | null };

function sizeOf(outcome: BatchOutcome | null): number {
  return outcome?.kind === 'success' ? outcome.result.size : 0;
}

// `entries` with the new `answers` (by token) in place. Each new answer is kept while all the
// answers kept, with it, stay within `budget`; one that does not fit is dropped, and a smaller
// one after it may still fit.
export function withAnswers<Entry extends Answered>(
  entries: readonly Entry[],
  answers: ReadonlyMap<string, Entry>,
  budget: number,
): Entry[] {
  let kept = 0;
  for (const entry of entries) if (!answers.has(entry.token)) kept += sizeOf(entry.outcome);
  return entries.map((entry) => {
    const answer = answers.get(entry.token);
    if (!answer) return entry;
    const size = sizeOf(answer.outcome);
    if (kept + size <= budget) {
      kept += size;
      return answer;
    }
    return { ...answer, outcome: null, notKept: { size } };
  });
}

export function megabytes(size: number): string {
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

// Why an answer is missing, in the drawer and the JSON export.
export function notKeptReason(notKept: AnswerNotKept): string {
  return (
    `Plaid’s answer (${megabytes(notKept.size)}) was not kept: this page keeps at most ` +
    `${ANSWER_BUDGET_CHARS / 1024 / 1024} MB of answers per batch, so that very large answers cannot ` +
    'exhaust the browser’s memory. The row was diagnosed from the whole answer; look the token up on ' +
    'its own to see the answer.'
  );
}
