import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createInstitutionCache, institutionCacheKey, type InstitutionQuery } from './institution-cache';
import type { PlaidOutcome } from './plaid-client';

const QUERY: InstitutionQuery = {
  environment: 'production',
  institutionId: 'ins_127991',
  countryCodes: ['US'],
  clientId: 'client-1',
  secret: 'secret-1',
};

function answer(status: number, text = '{"request_id":"r"}'): PlaidOutcome {
  return {
    ok: true,
    status,
    body: new TextEncoder().encode(text),
    retryAfter: null,
    plaidRequestId: 'r',
  };
}

// The signal of a request whose browser stays until it is answered.
const STAYING = new AbortController().signal;

// A stand-in for the upstream call that counts its calls and answers when the test says.
function upstream(outcome: PlaidOutcome = answer(200)) {
  let calls = 0;
  const signals: AbortSignal[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    call: async (signal: AbortSignal) => {
      calls += 1;
      signals.push(signal);
      await gate;
      return outcome;
    },
    calls: () => calls,
    // The signal given to each call, in order.
    signals,
    release: () => release(),
  };
}

describe('the institution cache', () => {
  it('lets identical requests in flight share one upstream call', async () => {
    const cache = createInstitutionCache();
    const plaid = upstream();
    const lookups = Array.from({ length: 500 }, () => cache.lookUp({ ...QUERY }, STAYING, plaid.call));
    plaid.release();
    const answers = await Promise.all(lookups);
    expect(plaid.calls()).toBe(1);
    expect(answers.map((a) => a.from).filter((from) => from === 'upstream')).toHaveLength(1);
    expect(new Set(answers.map((a) => a.outcome)).size).toBe(1);
  });

  it("serves Plaid's institution from memory for the next minute, saying how old it is", async () => {
    const cache = createInstitutionCache();
    const plaid = upstream();
    plaid.release();
    await cache.lookUp(QUERY, STAYING, plaid.call);
    await sleep(20);
    const again = await cache.lookUp(QUERY, STAYING, plaid.call);
    expect(plaid.calls()).toBe(1);
    expect(again.from).toBe('cache');
    expect(again.ageMs).toBeGreaterThanOrEqual(15);
  });

  it('asks Plaid again once an answer is older than its time to live', async () => {
    const cache = createInstitutionCache(30);
    const plaid = upstream();
    plaid.release();
    await cache.lookUp(QUERY, STAYING, plaid.call);
    await sleep(60);
    expect((await cache.lookUp(QUERY, STAYING, plaid.call)).from).toBe('upstream');
    expect(plaid.calls()).toBe(2);
  });

  it.each([
    ['other credentials', { secret: 'secret-2' }],
    ['another client_id', { clientId: 'client-2' }],
    ['the other environment', { environment: 'sandbox' as const }],
    ['other country codes', { countryCodes: ['CA', 'US'] }],
    ['another institution', { institutionId: 'ins_56' }],
  ])('never gives an answer to a request with %s', async (_name, change) => {
    const cache = createInstitutionCache();
    const plaid = upstream();
    plaid.release();
    await cache.lookUp(QUERY, STAYING, plaid.call);
    expect((await cache.lookUp({ ...QUERY, ...change }, STAYING, plaid.call)).from).toBe('upstream');
    expect(plaid.calls()).toBe(2);
  });

  it.each([
    ['a Plaid error', answer(400, '{"error_code":"INVALID_API_KEYS"}')],
    ['a rate limit', answer(429)],
    ['an upstream failure', { ok: false, code: 'UPSTREAM_TIMEOUT', message: 'late' } as const],
  ])('keeps no %s: the next request asks again', async (_name, outcome) => {
    const cache = createInstitutionCache();
    const plaid = upstream(outcome);
    plaid.release();
    expect((await cache.lookUp(QUERY, STAYING, plaid.call)).outcome).toBe(outcome);
    expect((await cache.lookUp(QUERY, STAYING, plaid.call)).from).toBe('upstream');
    expect(plaid.calls()).toBe(2);
  });

  it('lets every waiter see a call that throws, and tries again afterwards', async () => {
    const cache = createInstitutionCache();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      await sleep(5);
      throw new Error('boom');
    };
    const results = await Promise.allSettled([
      cache.lookUp(QUERY, STAYING, failing),
      cache.lookUp(QUERY, STAYING, failing),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(cache.lookUp(QUERY, STAYING, failing)).rejects.toThrow('boom');
    expect(calls).toBe(2);
  });

  it('aborts a shared call once the last request waiting for it has gone, and not before', async () => {
    const cache = createInstitutionCache();
    const plaid = upstream();
    const browsers = [new AbortController(), new AbortController(), new AbortController()];
    const lookups = browsers.map((browser) => cache.lookUp(QUERY, browser.signal, plaid.call));
    lookups.forEach((lookup) => lookup.catch(() => {}));
    expect(plaid.calls()).toBe(1);

    browsers[0]!.abort(new Error('first browser gone'));
    browsers[1]!.abort(new Error('second browser gone'));
    // Each request that left is answered at once, without waiting for Plaid.
    await expect(lookups[0]).rejects.toThrow('first browser gone');
    await expect(lookups[1]).rejects.toThrow('second browser gone');
    expect(plaid.signals[0]!.aborted).toBe(false);

    browsers[2]!.abort(new Error('third browser gone'));
    await expect(lookups[2]).rejects.toThrow('third browser gone');
    expect(plaid.signals[0]!.aborted).toBe(true);
  });

  it('lets the others have the answer when some of the requests waiting for it leave', async () => {
    const cache = createInstitutionCache();
    const plaid = upstream();
    const leaving = new AbortController();
    const left = cache.lookUp(QUERY, leaving.signal, plaid.call);
    const staying = cache.lookUp(QUERY, STAYING, plaid.call);
    leaving.abort();
    await expect(left).rejects.toThrow();
    plaid.release();
    expect((await staying).outcome).toEqual(answer(200));
    expect(plaid.signals[0]!.aborted).toBe(false);
  });

  it('asks Plaid afresh for a request that comes after a call was abandoned', async () => {
    const cache = createInstitutionCache();
    const plaid = upstream();
    const browser = new AbortController();
    const abandoned = cache.lookUp(QUERY, browser.signal, plaid.call);
    browser.abort();
    await expect(abandoned).rejects.toThrow();
    plaid.release();
    expect((await cache.lookUp(QUERY, STAYING, plaid.call)).from).toBe('upstream');
    expect(plaid.calls()).toBe(2);
    expect(plaid.signals[1]!.aborted).toBe(false);
  });

  it('asks nothing for a request whose browser has already gone', async () => {
    const cache = createInstitutionCache();
    const plaid = upstream();
    await expect(cache.lookUp(QUERY, AbortSignal.abort(), plaid.call)).rejects.toThrow();
    expect(plaid.calls()).toBe(0);
  });

  it('keys on a hash of the credentials, never the credentials themselves', () => {
    const key = institutionCacheKey({ ...QUERY, clientId: 'my-client-id', secret: 'my-very-secret-value' });
    expect(key).not.toContain('my-very-secret-value');
    expect(key).not.toContain('my-client-id');
    // The pair is hashed as a pair: moving characters between the two makes another key.
    expect(institutionCacheKey({ ...QUERY, clientId: 'ab', secret: 'c' })).not.toBe(
      institutionCacheKey({ ...QUERY, clientId: 'a', secret: 'bc' }),
    );
  });
});
