import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream';
import { createBytesInFlight } from './bytes-in-flight';
import { getLinkToken, type PlaidCall } from './plaid-client';

// The upstream client on its own, for what cannot be reached through the app: the request
// schema keeps such values out of every lookup.

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());

describe('getLinkToken', () => {
  it('neither sends nor retries a call that undici refuses to build, and says it is a bug', async () => {
    const call: PlaidCall & { linkToken: string } = {
      environment: 'sandbox',
      baseUrl: upstream.url,
      clientId: 'client-id',
      secret: 'line\nbreak',
      linkToken: 'link-sandbox-af1a0311-da53-4636-b754-dd15cc058176',
      timeoutMs: 5_000,
      maxResponseBytes: 1024,
      bytesInFlight: createBytesInFlight(1024),
      serverSecrets: [],
      signal: new AbortController().signal,
    };
    // Retrying would only repeat the refusal, and a 502 UPSTREAM_UNREACHABLE would blame the network.
    await expect(getLinkToken(call)).rejects.toMatchObject({ code: 'UND_ERR_INVALID_ARG' });
    expect(upstream.requests).toHaveLength(0);
  });
});
