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

// Ready means: configuration was valid (or the app would not exist) and each upstream answers
// HTTP at all. Any status counts as reachable: the probe sends no credentials, so Plaid answers
// it with an error, and what matters is that the network path and TLS work. In simulator mode both
// URLs point at the embedded simulator, so this also says it is running.
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

async function isReachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

function label(reachable: boolean): 'reachable' | 'unreachable' {
  return reachable ? 'reachable' : 'unreachable';
}
