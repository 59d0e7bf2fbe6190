import type { Actor, FindingId, Verdict } from '../shared/diagnosis';
import type { LinkTokenGetResponse } from '../shared/schemas/link-token-get-response';
import type { Fault } from './faults';

// What a scenario is handed when it builds an answer.
export interface AnswerContext {
  // The time now; every fixture timestamp is relative to it, so active fixtures stay active.
  now: Date;
  // This request's request_id, which Plaid also puts in the answer body.
  requestId: string;
  // When this simulator first answered for this token: the live token's session starts then.
  firstLookupAt: Date;
  // How often the live token's session moves on by one event.
  liveStepMs: number;
}

export type ScenarioAnswer =
  | { kind: 'response'; body: LinkTokenGetResponse }
  // The answer the token would have had, spoiled (or delayed) by a fault.
  | { kind: 'fault'; fault: Fault; body: LinkTokenGetResponse };

export interface Scenario {
  // A short, stable name (shown next to the token in the picker and in docs/simulator.md).
  scenario: string;
  link_token: string;
  description: string;
  // What the diagnosis must make of the answer: its verdict, who acts next and exactly these
  // findings (checked by diagnosis-fixtures.test.ts, so the fixtures and the rules cannot drift).
  diagnosis: { verdict: Verdict; actor: Actor; findings: FindingId[] };
  answer(context: AnswerContext): ScenarioAnswer;
}

export interface SimulatorOptions {
  // The clock every timestamp is relative to; tests pass a fixed or hand-moved one.
  now?: () => Date;
  // A fault applied to every request (as SIMULATOR_FAULT does for `npm run simulator`).
  fault?: Fault;
  // How often the live token's session moves on by one event (SIMULATOR_LIVE_STEP_MS).
  liveStepMs?: number;
  // How long after a session ended it is left out of answers (SIMULATOR_FORGET_SESSIONS_MS); Plaid
  // itself forgets after six hours. Unset: never.
  forgetSessionsAfterMs?: number;
}
