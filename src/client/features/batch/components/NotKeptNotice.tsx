import { Notice } from '../../../components/Notice';
import { ANSWER_BUDGET_CHARS } from '../lib/answer-budget';

// Above the table once some of Plaid's answers were too large to keep (lib/answer-budget.ts): what
// is still there (every row's verdict and summary) and what is not (those answers, in the details
// and the JSON export).
export function NotKeptNotice({ count }: { count: number }) {
  const answers = count === 1 ? 'answer for 1 token was' : `answers for ${count} tokens were`;
  return (
    <Notice tone="warning" strong>
      {`Plaid’s full ${answers} not kept: this page keeps at most ` +
        `${ANSWER_BUDGET_CHARS / 1024 / 1024} MB of answers per batch, so that the browser does not run out ` +
        'of memory. Their rows, verdicts and summaries are complete; their details and the JSON export ' +
        'leave the answer out. Look such a token up on its own to see its answer.'}
    </Notice>
  );
}
