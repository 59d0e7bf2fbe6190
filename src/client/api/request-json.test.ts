import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { server } from '../test/msw-server';
import { ApiError } from './api-error';
import { lookupLinkToken } from './lookup-link-token';
import { CLIENT_TIMEOUT_MS, requestJson } from './request-json';

const Thing = z.object({ name: z.string() });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('requestJson', () => {
  it('returns the checked answer and the body as received', async () => {
    server.use(http.get('/api/thing', () => HttpResponse.json({ name: 'a', extra: 1 })));
    const answer = await requestJson('/api/thing', Thing);
    expect(answer.data).toEqual({ name: 'a' });
    expect(answer.raw).toEqual({ name: 'a', extra: 1 });
  });

  it('passes on the server’s PlaidError-shaped error with its status and Retry-After', async () => {
    const body = {
      error_type: 'PROXY_ERROR',
      error_code: 'RATE_LIMITED',
      error_message: 'Slow down.',
      display_message: null,
    };
    server.use(
      http.get('/api/thing', () => HttpResponse.json(body, { status: 429, headers: { 'Retry-After': '7' } })),
    );
    const error = await failure(requestJson('/api/thing', Thing));
    expect(error.error).toMatchObject(body);
    expect(error).toMatchObject({ httpStatus: 429, retryAfterSeconds: 7, raw: body });
  });

  it('names an error body of an unknown shape, a body that is not JSON, and an answer of the wrong shape', async () => {
    server.use(http.get('/api/odd-error', () => HttpResponse.json({ oops: true }, { status: 500 })));
    server.use(http.get('/api/html', () => HttpResponse.text('<html>Bad gateway</html>', { status: 502 })));
    server.use(http.get('/api/wrong', () => HttpResponse.json({ name: 42 })));

    const oddError = await failure(requestJson('/api/odd-error', Thing));
    expect(oddError.error).toMatchObject({ error_type: 'CLIENT_ERROR', error_code: 'UNEXPECTED_RESPONSE' });
    expect(oddError.error.error_message).toMatch(/HTTP 500 with an error of an unknown shape/);

    const html = await failure(requestJson('/api/html', Thing));
    expect(html.error.error_code).toBe('UNEXPECTED_RESPONSE');
    expect(html.error.error_message).toMatch(/HTTP 502 with something that is not JSON/);
    expect(html.raw).toBe('<html>Bad gateway</html>');

    const wrong = await failure(requestJson('/api/wrong', Thing));
    expect(wrong.error.error_code).toBe('UNEXPECTED_RESPONSE');
    expect(wrong.error.error_message).toMatch(/GET \/api\/wrong does not have the shape .*name/);
    expect(wrong.raw).toEqual({ name: 42 });
  });

  it('says when the server cannot be reached', async () => {
    server.use(http.get('/api/thing', () => HttpResponse.error()));
    const error = await failure(requestJson('/api/thing', Thing));
    expect(error.error.error_code).toBe('NETWORK_ERROR');
    expect(error.httpStatus).toBeNull();
  });

  it('gives up after the client timeout when the server never answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server.use(
      http.get('/api/thing', async () => {
        await delay('infinite');
        return HttpResponse.json({ name: 'never' });
      }),
    );
    const pending = failure(requestJson('/api/thing', Thing));
    await vi.advanceTimersByTimeAsync(CLIENT_TIMEOUT_MS);
    const error = await pending;
    expect(error.error.error_code).toBe('CLIENT_TIMEOUT');
    expect(error.error.error_message).toMatch(/did not answer within 60 seconds/);
  });

  it('lets the caller’s own abort through as it is, without an error to show', async () => {
    server.use(
      http.get('/api/thing', async () => {
        await delay('infinite');
        return HttpResponse.json({ name: 'never' });
      }),
    );
    const controller = new AbortController();
    const pending = requestJson('/api/thing', Thing, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.not.toBeInstanceOf(ApiError);
  });
});

describe('lookupLinkToken', () => {
  it('names a token that fails the server’s own check without making a request', async () => {
    // No handler: msw fails the test if a request is made.
    const error = await failure(
      lookupLinkToken({ link_token: 'link-development-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }),
    );
    expect(error.error).toMatchObject({ error_type: 'CLIENT_ERROR', error_code: 'ENVIRONMENT_RETIRED' });
  });
});
