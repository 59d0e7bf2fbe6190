import { describe, expect, it } from 'vitest';
import { LinkTokenGetResponseSchema } from '../../../../shared/schemas/link-token-get-response';
import { ApiError } from '../../../api/api-error';
import { linkTokenBody, plaidErrorBody, tokenNumber } from '../../../test/batch-answers';
import { withAnswers, type AnswerNotKept } from './answer-budget';
import type { BatchOutcome } from './run-batch';

type Entry = { token: string; outcome: BatchOutcome | null; notKept: AnswerNotKept | null };

// An answer that says it arrived as `size` characters.
function answer(n: number, size: number): Entry {
  const raw = linkTokenBody(tokenNumber(n));
  const result = { data: LinkTokenGetResponseSchema.parse(raw), raw, size, timing: null };
  return { token: tokenNumber(n), outcome: { kind: 'success', result }, notKept: null };
}

function pending(n: number): Entry {
  return { token: tokenNumber(n), outcome: null, notKept: null };
}

const byToken = (entries: Entry[]) => new Map(entries.map((entry) => [entry.token, entry]));

describe('withAnswers', () => {
  it('keeps answers while they fit the budget, then drops the answer and says how large it was', () => {
    const entries = [1, 2, 3, 4].map(pending);
    const next = withAnswers(
      entries,
      byToken([answer(1, 40), answer(2, 50), answer(3, 30), answer(4, 30)]),
      100,
    );

    expect(next.map((entry) => entry.outcome !== null)).toEqual([true, true, false, false]);
    expect(next.map((entry) => entry.notKept)).toEqual([null, null, { size: 30 }, { size: 30 }]);
  });

  it('counts the answers already kept, and lets a smaller later answer in where it still fits', () => {
    const kept = [answer(1, 60), pending(2), pending(3)];
    const next = withAnswers(kept, byToken([answer(2, 50), answer(3, 40)]), 100);

    expect(next[0]).toBe(kept[0]);
    expect(next[1]).toMatchObject({ outcome: null, notKept: { size: 50 } });
    expect(next[2]!.outcome).not.toBeNull();
  });

  it('always keeps a failed lookup: Retry needs it', () => {
    const failed: Entry = {
      token: tokenNumber(1),
      outcome: {
        kind: 'error',
        error: new ApiError(plaidErrorBody('INVALID_LINK_TOKEN'), { httpStatus: 400 }),
      },
      notKept: null,
    };
    const next = withAnswers([answer(2, 100), pending(1)], byToken([failed]), 100);
    expect(next[1]).toBe(failed);
  });
});
