import { LinkTokenGetResponseSchema } from '../../src/shared/schemas/link-token-get-response';
import { PlaidErrorSchema } from '../../src/shared/schemas/plaid-error';

// Load where every single answer is read and checked against the documented shape: a lookup
// either succeeds with a LinkTokenGetResponse or fails with a PlaidError-shaped body carrying a
// request_id. Counts what was sent and what came back, so a lost request cannot hide.

export type CheckedLoadOptions = {
  baseUrl: string;
  // Sent round robin across all workers.
  linkTokens: readonly string[];
  concurrency: number;
  durationMs: number;
  // A request still unanswered after this long counts as lost.
  requestTimeoutMs: number;
};

export type Malformed = { linkToken: string; status: number; body: string };

export type CheckedLoadResult = {
  sent: number;
  answered: number;
  succeeded: number;
  // Error answers by HTTP status and error_code, e.g. "502 UPSTREAM_BAD_RESPONSE".
  errors: Record<string, number>;
  // Answers of the wrong shape (the first few kept in full for the report).
  malformed: number;
  malformedExamples: Malformed[];
  // Requests that got no HTTP answer at all (network error or timeout), with the reasons.
  lost: number;
  lostReasons: Record<string, number>;
};

function isWellFormedError(body: unknown): body is { error_code: string } {
  const parsed = PlaidErrorSchema.safeParse(body);
  return parsed.success && typeof parsed.data.request_id === 'string' && parsed.data.request_id.length > 0;
}

export async function runCheckedLoad(options: CheckedLoadOptions): Promise<CheckedLoadResult> {
  const result: CheckedLoadResult = {
    sent: 0,
    answered: 0,
    succeeded: 0,
    errors: {},
    malformed: 0,
    malformedExamples: [],
    lost: 0,
    lostReasons: {},
  };
  const deadline = Date.now() + options.durationMs;
  let next = 0;

  async function lookup(linkToken: string): Promise<void> {
    result.sent++;
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${options.baseUrl}/api/link/token/get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: options.baseUrl },
        body: JSON.stringify({ link_token: linkToken }),
        signal: AbortSignal.timeout(options.requestTimeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      result.lost++;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      result.lostReasons[reason] = (result.lostReasons[reason] ?? 0) + 1;
      return;
    }
    result.answered++;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (status === 200 && LinkTokenGetResponseSchema.safeParse(body).success) {
      result.succeeded++;
    } else if (status >= 400 && isWellFormedError(body)) {
      const key = `${status} ${body.error_code}`;
      result.errors[key] = (result.errors[key] ?? 0) + 1;
    } else {
      result.malformed++;
      if (result.malformedExamples.length < 5) {
        result.malformedExamples.push({ linkToken, status, body: text.slice(0, 500) });
      }
    }
  }

  async function worker(): Promise<void> {
    while (Date.now() < deadline) {
      const linkToken = options.linkTokens[next++ % options.linkTokens.length]!;
      await lookup(linkToken);
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return result;
}
