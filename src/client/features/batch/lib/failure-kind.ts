import type { BatchRow } from './batch-row';

// A row's error code is one of two kinds, kept apart in the counts and the exports: Link's (the
// user's session failed) or the lookup's own (we could not read the token: INVALID_LINK_TOKEN,
// UPSTREAM_BAD_RESPONSE, a rate limit, the network).

export function linkErrorCode(row: BatchRow): string | null {
  return row.verdict === 'lookup failed' ? null : row.errorCode;
}

export function lookupErrorCode(row: BatchRow): string | null {
  return row.verdict === 'lookup failed' ? row.errorCode : null;
}
