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

// A call in flight, with the number of requests still waiting for it: when the last one goes away
// (its browser disconnected), the call is aborted, so its upstream connection is not held until
// PLAID_TIMEOUT_MS for nobody.
type Shared = { answer: Promise<PlaidOutcome>; waiters: number; controller: AbortController };

export type InstitutionCache = {
  // `signal` is the asking request's: when it aborts, the lookup rejects with its reason at once.
  // callPlaid is given the shared call's signal, aborted once no request waits for it any more.
  lookUp(
    query: InstitutionQuery,
    signal: AbortSignal,
    callPlaid: (signal: AbortSignal) => Promise<PlaidOutcome>,
  ): Promise<InstitutionAnswer>;
};

export function createInstitutionCache(ttlMs: number = INSTITUTION_CACHE_TTL_MS): InstitutionCache {
  const answers = new LRUCache<string, Stored>({
    max: MAX_ENTRIES,
    maxSize: MAX_BYTES,
    sizeCalculation: (stored) => Math.max(1, stored.outcome.body.byteLength),
    ttl: ttlMs,
  });
  const inFlight = new Map<string, Shared>();

  // An abandoned call leaves at once, so that the next request asks Plaid afresh rather than join it.
  function forget(key: string, shared: Shared): void {
    if (inFlight.get(key) === shared) inFlight.delete(key);
  }

  function start(key: string, callPlaid: (signal: AbortSignal) => Promise<PlaidOutcome>): Shared {
    const controller = new AbortController();
    const answer = callPlaid(controller.signal).then((outcome) => {
      // Only Plaid's institution: an error (a rate limit, an outage, wrong credentials) is
      // about this moment or this caller, and the next request should ask again.
      if (outcome.ok && outcome.status === 200) answers.set(key, { outcome, storedAt: Date.now() });
      return outcome;
    });
    const shared: Shared = { answer, waiters: 0, controller };
    inFlight.set(key, shared);
    // Once every waiter has gone, nobody reads how the aborted call ended.
    answer.catch(() => {}).finally(() => forget(key, shared));
    return shared;
  }

  function waitFor(key: string, shared: Shared, signal: AbortSignal): Promise<PlaidOutcome> {
    signal.throwIfAborted();
    shared.waiters += 1;
    return new Promise<PlaidOutcome>((resolve, reject) => {
      const leave = () => {
        shared.waiters -= 1;
        if (shared.waiters === 0) {
          forget(key, shared);
          shared.controller.abort();
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', leave, { once: true });
      shared.answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
    });
  }

  return {
    async lookUp(query, signal, callPlaid) {
      const key = institutionCacheKey(query);
      const stored = answers.get(key);
      if (stored) return { outcome: stored.outcome, from: 'cache', ageMs: Date.now() - stored.storedAt };
      const pending = inFlight.get(key);
      if (pending) return { outcome: await waitFor(key, pending, signal), from: 'shared', ageMs: 0 };
      signal.throwIfAborted();
      return { outcome: await waitFor(key, start(key, callPlaid), signal), from: 'upstream', ageMs: 0 };
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
