import type { TokenStatus } from './token-status';

// The six tones every status is shown in (badges, chips, rows, notices), so that the same outcome
// has the same colour on every screen: Lookup, Batch and Recent lookups alike. Each tone is a set
// of design tokens (src/client/app/styles/tokens.css); verdicts map onto these. `failure` is the
// user's Link session failing; `fault` is ours: the lookup failed and the token could not be read.
export type StatusTone = 'success' | 'failure' | 'fault' | 'warning' | 'pending' | 'neutral';

// An expired token is not an error (tokens are made to expire) but can no longer be used: warning.
export const TOKEN_STATUS_TONES: Record<TokenStatus['kind'], StatusTone> = {
  active: 'success',
  expired: 'warning',
  unknown: 'neutral',
};

// A lookup that ended in an error (Plaid's, the server's or the browser's): we could not read the
// token, which says nothing of the user's session. Its own tone, apart from a failed Link session's
// red, in the batch's bar, counts and rows.
export const LOOKUP_FAILED = { label: 'Error', tone: 'fault' } as const satisfies {
  label: string;
  tone: StatusTone;
};

// Production holds real users' data (take care); Development is retired (cannot be looked up).
export const ENVIRONMENT_TONES: Record<string, StatusTone> = {
  sandbox: 'neutral',
  production: 'warning',
  development: 'failure',
};

// Timeline events that end a flow: an error, or the hand-off back to the app after success.
export function eventTone(eventName: string): StatusTone | null {
  if (eventName === 'ERROR' || eventName === 'FAIL_OAUTH' || eventName.endsWith('_ERROR')) return 'failure';
  if (eventName === 'HANDOFF') return 'success';
  return null;
}
