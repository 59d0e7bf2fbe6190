import type { PlaidEnvironment } from '../../shared/link-token';

// What the lookup route learns about one lookup, put on the context as c.set('lookup', …) so the
// request log (the audit trail) and the metrics can report it. Set once the token is known to be a
// link token; `upstream` is added when Plaid (or the simulator) answered.
export type LookupFacts = {
  // Only ever a well-formed link token: link tokens are not secrets, but a mistakenly pasted
  // access token is, so anything else the user typed is never recorded.
  linkToken: string;
  environment: PlaidEnvironment;
  // Whose Plaid credentials were used: the ones in the request, or the server's own.
  credentials: 'request' | 'server';
  upstream?: {
    status: number;
    // Plaid's request_id, which Plaid support asks for.
    plaidRequestId: string | undefined;
    durationMs: number;
  };
};

export type LookupVariables = { lookup: LookupFacts };
