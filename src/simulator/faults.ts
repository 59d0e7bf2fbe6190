// The upstream failures the simulator can stage, so that tests and QA can watch the proxy and the
// UI deal with each. Chosen per request by a fault token, or for every request by configuration
// (SIMULATOR_FAULT / options.fault).
export type Fault =
  | { kind: 'latency'; ms: number } // answers normally, but only after `ms`
  | { kind: 'internal-error' } // 500 with Plaid's API_ERROR INTERNAL_SERVER_ERROR
  | { kind: 'bad-gateway' } // 502 with a load balancer's HTML page
  | { kind: 'maintenance' } // 503 with Plaid's API_ERROR PLANNED_MAINTENANCE
  | { kind: 'rate-limit' } // 429 with Plaid's RATE_LIMIT_EXCEEDED and Retry-After
  | { kind: 'malformed-json' } // 200 whose JSON body does not parse
  | { kind: 'truncated' } // 200 whose body stops before its declared Content-Length
  | { kind: 'reset' } // the connection is reset before any answer
  | { kind: 'hang' }; // never answers (until the client or the simulator closes the connection)

export const RETRY_AFTER_SECONDS = 2;

const BY_NAME: Record<string, Fault> = {
  '500': { kind: 'internal-error' },
  '502': { kind: 'bad-gateway' },
  '503': { kind: 'maintenance' },
  '429': { kind: 'rate-limit' },
  'malformed-json': { kind: 'malformed-json' },
  truncated: { kind: 'truncated' },
  reset: { kind: 'reset' },
  hang: { kind: 'hang' },
};

export const FAULT_NAMES = ['latency:<ms>', ...Object.keys(BY_NAME)];

// Reads SIMULATOR_FAULT: "latency:2000", "500", "502", "503", "429", "malformed-json",
// "truncated", "reset" or "hang".
export function parseFault(text: string): Fault {
  const latency = /^latency:(\d+)$/.exec(text.trim());
  if (latency) return { kind: 'latency', ms: Number(latency[1]) };
  const fault = BY_NAME[text.trim()];
  if (!fault) throw new Error(`SIMULATOR_FAULT must be one of ${FAULT_NAMES.join(', ')}; got "${text}"`);
  return fault;
}
