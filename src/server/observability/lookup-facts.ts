import type { PlaidEnvironment } from '../../shared/link-token';

// What a lookup route learns about one lookup, put on the context as c.set('lookup', …) so the
// request log (the audit trail) and the metrics can report it. Set once the request is known to
// ask Plaid something; `upstream` is added when Plaid (or the simulator) answered this request.
export type LookupFacts = {
  // What was looked up: a link token (only ever a well-formed one: link tokens are not secrets,
  // but a mistakenly pasted access token is, so anything else the user typed is never recorded),
  // or an institution.
  linkToken?: string;
  institutionId?: string;
  environment: PlaidEnvironment;
  // Whose Plaid credentials were used: the ones in the request, or the server's own.
  credentials: 'request' | 'server';
  upstream?: {
    status: number;
    // Plaid's request_id, which Plaid support asks for.
    plaidRequestId: string | undefined;
    durationMs: number;
  };
  // An institution answer this request did not ask Plaid for: kept from an earlier identical
  // request (cache), or shared with one in flight (shared).
  reused?: 'cache' | 'shared';
};

export type LookupVariables = { lookup: LookupFacts };
