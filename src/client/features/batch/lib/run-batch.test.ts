import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lookupLinkToken } from '../../../api/lookup-link-token';
import { server } from '../../../test/msw-server';
import { runBatch, type BatchOutcome, type BatchProgress } from './run-batch';
import { linkTokenBody, plaidErrorBody, requestedToken, tokenNumber } from '../../../test/batch-answers';

// The runner is driven through the real lookupLinkToken; msw plays the server.
const lookup = (token: string, signal: AbortSignal) => lookupLinkToken({ link_token: token }, { signal });
const tokens = (count: number) => Array.from({ length: count }, (_, n) => tokenNumber(n));

afterEach(() => {
  vi.useRealTimers();
});

describe('runBatch', () => {
  it('never has more than `concurrency` lookups in flight, and looks up every token once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: string[] = [];
    server.use(
      http.post('/api/link/token/get', async ({ request }) => {
        const token = await requestedToken(request);
        seen.push(token);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await delay(5);
        inFlight -= 1;
        return HttpResponse.json(linkTokenBody(token));
      }),
    );
    const results = new Map<string, BatchOutcome>();

    const summary = await runBatch({
      tokens: tokens(12),
      lookup,
      signal: new AbortController().signal,
      concurrency: 4,
      onResult: (token, outcome) => results.set(token, outcome),
    });

    expect(maxInFlight).toBe(4);
    expect(seen.sort()).toEqual(tokens(12).sort());
    expect(summary).toEqual({
      total: 12,
      done: 12,
      errors: 0,
      rateLimitedWaits: 0,
      pausedUntil: null,
      pausedBy: null,
      cancelled: false,
    });
    expect(results.get(tokenNumber(7))).toMatchObject({
      kind: 'success',
      result: { data: { link_token: tokenNumber(7) } },
    });
  });

  it('records errors per token and goes on with the rest', async () => {
    server.use(
      http.post('/api/link/token/get', async ({ request }) => {
        const token = await requestedToken(request);
        return token === tokenNumber(1)
          ? HttpResponse.json(plaidErrorBody('INVALID_LINK_TOKEN'), { status: 400 })
          : HttpResponse.json(linkTokenBody(token));
      }),
    );
    const results = new Map<string, BatchOutcome>();

    const summary = await runBatch({
      tokens: tokens(3),
      lookup,
      signal: new AbortController().signal,
      onResult: (token, outcome) => results.set(token, outcome),
    });

    expect(summary).toMatchObject({ done: 3, errors: 1, cancelled: false });
    const failed = results.get(tokenNumber(1));
    expect(failed?.kind).toBe('error');
    expect(failed?.kind === 'error' && failed.error.error.error_code).toBe('INVALID_LINK_TOKEN');
  });

  it('pauses the whole pool for Retry-After seconds after a 429, then retries that token', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const start = Date.now();
    const requests: { token: string; at: number }[] = [];
    let limited = false;
    server.use(
      http.post('/api/link/token/get', async ({ request }) => {
        const token = await requestedToken(request);
        requests.push({ token, at: Date.now() - start });
        // Token 0 answers after the 429, so its worker has to notice the pause before going on.
        if (token === tokenNumber(0)) await delay(100);
        if (token === tokenNumber(1) && !limited) {
          limited = true;
          return HttpResponse.json(plaidErrorBody('RATE_LIMITED', 'PROXY_ERROR'), {
            status: 429,
            headers: { 'Retry-After': '3' },
          });
        }
        return HttpResponse.json(linkTokenBody(token));
      }),
    );
    const progress: BatchProgress[] = [];
    const results = new Map<string, BatchOutcome>();

    const run = runBatch({
      tokens: tokens(6),
      lookup,
      signal: new AbortController().signal,
      concurrency: 2,
      onResult: (token, outcome) => results.set(token, outcome),
      onProgress: (update) => progress.push(update),
    });

    await vi.advanceTimersByTimeAsync(2999);
    // Token 0 and the rate-limited token 1 went out at once; nothing else before the pause ends.
    expect(requests.map((request) => request.token).sort()).toEqual([tokenNumber(0), tokenNumber(1)]);
    expect(
      progress.some((update) => update.pausedUntil === start + 3000 && update.rateLimitedWaits === 1),
    ).toBe(true);

    await vi.advanceTimersByTimeAsync(1);
    const summary = await run;

    expect(requests.slice(2).every((request) => request.at >= 3000)).toBe(true);
    // The rate-limited token is retried first, ahead of the queue.
    expect(requests[2]!.token).toBe(tokenNumber(1));
    expect(requests).toHaveLength(7);
    expect(results.get(tokenNumber(1))?.kind).toBe('success');
    expect(summary).toEqual({
      total: 6,
      done: 6,
      errors: 0,
      rateLimitedWaits: 1,
      pausedUntil: null,
      pausedBy: null,
      cancelled: false,
    });
  });

  it('backs off exponentially without Retry-After and gives up after the bounded retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const start = Date.now();
    const attempts: number[] = [];
    server.use(
      http.post('/api/link/token/get', () => {
        attempts.push(Date.now() - start);
        return HttpResponse.json(plaidErrorBody('RATE_LIMIT', 'RATE_LIMIT_EXCEEDED'), { status: 429 });
      }),
    );
    const results = new Map<string, BatchOutcome>();

    const run = runBatch({
      tokens: tokens(1),
      lookup,
      signal: new AbortController().signal,
      onResult: (token, outcome) => results.set(token, outcome),
    });
    await vi.advanceTimersByTimeAsync(10_000);
    const summary = await run;

    expect(attempts).toEqual([0, 1000, 3000, 7000]);
    expect(summary).toMatchObject({ done: 1, errors: 1, rateLimitedWaits: 3 });
    const outcome = results.get(tokenNumber(0));
    expect(outcome?.kind === 'error' && outcome.error.httpStatus).toBe(429);
  });

  it('stops in-flight and queued lookups when cancelled', async () => {
    const started: string[] = [];
    server.use(
      http.post('/api/link/token/get', async ({ request }) => {
        started.push(await requestedToken(request));
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const onResult = vi.fn();

    const run = runBatch({ tokens: tokens(10), lookup, signal: controller.signal, concurrency: 4, onResult });
    await vi.waitFor(() => expect(started).toHaveLength(4));
    controller.abort();
    const summary = await run;

    expect(summary).toMatchObject({ total: 10, done: 0, cancelled: true });
    expect(onResult).not.toHaveBeenCalled();
    expect(started).toHaveLength(4);
  });

  it('stops waiting out a rate-limit pause when cancelled', async () => {
    server.use(
      http.post('/api/link/token/get', () =>
        HttpResponse.json(plaidErrorBody('RATE_LIMITED', 'PROXY_ERROR'), {
          status: 429,
          headers: { 'Retry-After': '60' },
        }),
      ),
    );
    const controller = new AbortController();
    const progress: BatchProgress[] = [];

    const run = runBatch({
      tokens: tokens(3),
      lookup,
      signal: controller.signal,
      onProgress: (update) => progress.push(update),
    });
    await vi.waitFor(() => expect(progress.at(-1)?.pausedUntil).not.toBeNull());
    controller.abort();

    await expect(run).resolves.toMatchObject({ done: 0, cancelled: true });
  });
});
