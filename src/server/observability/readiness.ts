import { request } from 'undici';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { CountingPlace } from '../counters/counters';

export type Readiness = {
  ready: boolean;
  upstreams: Record<PlaidEnvironment, 'reachable' | 'unreachable'>;
  // Where the rate limit and the sign-in throttle count. Never makes the server unready: while
  // Redis is away each instance counts in memory ('memory-fallback') and keeps answering.
  limits: CountingPlace;
};

const PROBE_TIMEOUT_MS = 2_000;
// /readyz needs no sign-in, so anyone could call it in a loop: probes within this time share one
// check instead of each sending two outbound requests. Orchestrators probe every 5–10 s.
const CACHE_MS = 5_000;

// Ready means: configuration was valid (or the app would not exist) and each upstream answers
// HTTP at all. Any status counts as reachable, a redirect included: the probe sends no
// credentials, so Plaid answers it with an error, and what matters is that the network path and
// TLS work. In simulator mode both URLs point at the embedded simulator, so this also says it is
// running.
export async function checkReadiness(
  urls: Record<PlaidEnvironment, string>,
  limits: CountingPlace,
): Promise<Readiness> {
  const [sandbox, production] = await Promise.all([isReachable(urls.sandbox), isReachable(urls.production)]);
  return {
    ready: sandbox && production,
    upstreams: { sandbox: label(sandbox), production: label(production) },
    limits,
  };
}

// checkReadiness() with its upstream checks kept for CACHE_MS; probes that arrive meanwhile wait
// for the same check. Where limits are counted costs nothing to read, so each probe reads it anew.
export function cachedReadiness(
  urls: Record<PlaidEnvironment, string>,
  limits: () => CountingPlace,
): () => Promise<Readiness> {
  let last: { checkedAt: number; readiness: Promise<Readiness> } | undefined;
  return async () => {
    const now = Date.now();
    if (!last || now - last.checkedAt >= CACHE_MS)
      last = { checkedAt: now, readiness: checkReadiness(urls, limits()) };
    return { ...(await last.readiness), limits: limits() };
  };
}

async function isReachable(url: string): Promise<boolean> {
  try {
    // undici's request() never follows a redirect (fetch() would, to wherever it points).
    const response = await request(url, { method: 'GET', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body.dump();
    return true;
  } catch {
    return false;
  }
}

function label(reachable: boolean): 'reachable' | 'unreachable' {
  return reachable ? 'reachable' : 'unreachable';
}
