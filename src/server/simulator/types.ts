import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import type { PlaidError } from '../../shared/schemas/plaid-error';

// What a scenario is handed when it builds an answer: the time now (injectable in tests) and the
// request_id of this request, which Plaid also echoes in the answer body.
export interface AnswerContext {
  now: Date;
  requestId: string;
}

// A scenario either answers with a body (which the app sends with status 200) or with one of
// Plaid's errors (sent with the error's own status).
export type ScenarioAnswer =
  { kind: 'response'; body: LinkTokenGetResponse } | { kind: 'error'; status: number; error: PlaidError };

export interface Scenario {
  // A short, stable name (used in the token list and the README).
  scenario: string;
  link_token: string;
  description: string;
  answer(context: AnswerContext): ScenarioAnswer;
}

export interface SimulatorOptions {
  // The clock every timestamp is relative to; tests pass a fixed one.
  now?: () => Date;
}
