import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { PlaidOutcome } from './plaid-client';

// Plaid's /institutions/get_by_id answers, kept for a minute: a batch of 500 tokens at one bank
// costs Plaid one call, and so do 500 identical requests arriving at once (they share the call in
// flight). Health changes over minutes, so a minute-old answer still tells the truth.
//
// Answers are keyed by what Plaid's answer depends on: environment, institution, country codes and
// the credentials used, the latter as a hash. So the cache never holds a secret, and a caller
// with other (or wrong) credentials never gets an answer Plaid gave to someone else.

export const INSTITUTION_CACHE_TTL_MS = 60_000;
// An answer with a logo is a few kilobytes; these bounds hold thousands of institutions.
const MAX_ENTRIES = 2_000;
const MAX_BYTES = 16 * 1024 * 1024;

export type InstitutionQuery = {
  environment: PlaidEnvironment;
  institutionId: string;
  // In one canonical order (see InstitutionsGetByIdRequestSchema), so equal questions share a key.
  countryCodes: readonly string[];
  clientId: string;
  secret: string;
};

export type InstitutionAnswer = {
  outcome: PlaidOutcome;
  // upstream: this request called Plaid; shared: it waited for an identical call in flight;
  // cache: Plaid answered ageMs ago.
  from: 'upstream' | 'shared' | 'cache';
  ageMs: number;
};

type Stored = { outcome: Extract<PlaidOutcome, { ok: true }>; storedAt: number };

export type InstitutionCache = {
  lookUp(query: InstitutionQuery, callPlaid: () => Promise<PlaidOutcome>): Promise<InstitutionAnswer>;
};

export function createInstitutionCache(ttlMs: number = INSTITUTION_CACHE_TTL_MS): InstitutionCache {
  const answers = new LRUCache<string, Stored>({
    max: MAX_ENTRIES,
    maxSize: MAX_BYTES,
    sizeCalculation: (stored) => Math.max(1, stored.outcome.body.byteLength),
    ttl: ttlMs,
  });
  const inFlight = new Map<string, Promise<PlaidOutcome>>();

  return {
    async lookUp(query, callPlaid) {
      const key = institutionCacheKey(query);
      const stored = answers.get(key);
      if (stored) return { outcome: stored.outcome, from: 'cache', ageMs: Date.now() - stored.storedAt };
      const pending = inFlight.get(key);
      if (pending) return { outcome: await pending, from: 'shared', ageMs: 0 };

      const call = callPlaid()
        .then((outcome) => {
          // Only Plaid's institution: an error (a rate limit, an outage, wrong credentials) is
          // about this moment or this caller, and the next request should ask again.
          if (outcome.ok && outcome.status === 200) answers.set(key, { outcome, storedAt: Date.now() });
          return outcome;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, call);
      return { outcome: await call, from: 'upstream', ageMs: 0 };
    },
  };
}

export function institutionCacheKey(query: InstitutionQuery): string {
  const credentials = createHash('sha256')
    .update(query.clientId)
    .update('\0')
    .update(query.secret)
    .digest('base64url');
  return [query.environment, query.institutionId, query.countryCodes.join(','), credentials].join('|');
}
