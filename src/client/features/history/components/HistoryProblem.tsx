import type { ApiError } from '../../../api/api-error';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import text from '../../../components/text.module.css';
import { historyProblem } from '../lib/history-error';

// Why History cannot show its list, what to do, and the server's own words (with the request ID
// the operator will ask for).
export function HistoryProblem({ error, onRetry }: { error: ApiError; onRetry: (() => void) | null }) {
  const problem = historyProblem(error);
  const requestId = error.error.request_id;
  return (
    <Card>
      <div role="alert">
        <Notice tone="failure" strong>
          {problem.title}
        </Notice>
        <p>{problem.nextStep}</p>
        <p className={text.hint}>
          The server said: {error.error.error_message} ({error.error.error_code}
          {error.httpStatus !== null && `, HTTP ${error.httpStatus}`}
          {requestId && `, request ID ${requestId}`})
        </p>
      </div>
      {problem.retryable && onRetry && (
        <Button size="small" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Card>
  );
}
