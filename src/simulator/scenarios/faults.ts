import type { Fault } from '../faults';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { tokenMetadata } from './metadata';
import { tokenAnswer } from './sessions';

// One token per upstream fault, so a single lookup shows how the proxy and the UI cope with it.
// Their UUIDs share the "9000" group so they stand out from the ordinary fixtures. Each would
// otherwise answer like a fresh token; the fault delays or spoils that answer.
export const LATENCY_TOKEN_MS = 2000;

function faultScenario(number: number, scenario: string, fault: Fault, description: string): Scenario {
  const linkToken = `link-sandbox-00000000-0000-4000-9000-${String(number).padStart(12, '0')}`;
  return {
    scenario,
    link_token: linkToken,
    description,
    // The answer the token would have had: a fresh one.
    diagnosis: { verdict: 'never opened', actor: 'end user', findings: [] },
    answer: ({ now, requestId }) => ({
      kind: 'fault',
      fault,
      body: tokenAnswer({
        linkToken,
        createdAt: addSeconds(now, -5 * MINUTE),
        lifetimeSeconds: 4 * HOUR,
        metadata: tokenMetadata(),
        sessions: [],
        requestId,
      }),
    }),
  };
}

export const faultScenarios: Scenario[] = [
  faultScenario(
    1,
    'fault-latency',
    { kind: 'latency', ms: LATENCY_TOKEN_MS },
    `Answers like a fresh token, but only after ${LATENCY_TOKEN_MS / 1000} seconds.`,
  ),
  faultScenario(
    2,
    'fault-500',
    { kind: 'internal-error' },
    'HTTP 500 with Plaid’s API_ERROR INTERNAL_SERVER_ERROR.',
  ),
  faultScenario(
    3,
    'fault-502',
    { kind: 'bad-gateway' },
    'HTTP 502 with a load balancer’s HTML page instead of JSON.',
  ),
  faultScenario(
    4,
    'fault-503',
    { kind: 'maintenance' },
    'HTTP 503 with Plaid’s API_ERROR PLANNED_MAINTENANCE.',
  ),
  faultScenario(
    5,
    'fault-429',
    { kind: 'rate-limit' },
    'HTTP 429 RATE_LIMIT_EXCEEDED with a Retry-After header.',
  ),
  faultScenario(
    6,
    'fault-malformed-json',
    { kind: 'malformed-json' },
    'HTTP 200 whose JSON body does not parse.',
  ),
  faultScenario(
    7,
    'fault-truncated',
    { kind: 'truncated' },
    'HTTP 200 whose body stops halfway, short of its Content-Length.',
  ),
  faultScenario(8, 'fault-reset', { kind: 'reset' }, 'The connection is reset before any answer.'),
  faultScenario(
    9,
    'fault-hang',
    { kind: 'hang' },
    'Never answers: the proxy’s timeout has to end the lookup.',
  ),
];
