import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from '../src/simulator';
import { forkTsServer, startBuiltServer, type ChildServer } from './lib/processes';
import type { LoadRequest } from './lib/load';

// The things the benchmarks send load to, each in its own process, and how to ask each of
// them for the same lookup.

export function startStandaloneSimulator(env: Record<string, string> = {}): Promise<ChildServer> {
  return forkTsServer('bench/servers/simulator.ts', env);
}

// The simulator with its clock stopped (bench/servers/simulator.ts): answers repeat but for their
// request_id, as Plaid's do, instead of the `fresh` token's changing once a second.
export const STILL_CLOCK = { SIMULATOR_STILL_CLOCK: '1' };

// Our real, built server in front of the simulator, exactly as an operator would run it against
// Plaid: PLAID_UPSTREAM=plaid with server-held credentials. Its store is a new PGlite database in a
// temporary DATA_DIR of its own (removed when it stops) unless env sets DATABASE_URL. dir: the
// checkout whose build runs.
export async function startProxy(
  simulatorUrl: string,
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
  dir = '.',
): Promise<ChildServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const server = await startBuiltServer(
      { ...proxyEnv(simulatorUrl), DATA_DIR: dataDir, ...env },
      nodeArgs,
      dir,
    );
    return { ...server, stop: () => server.stop().then(removeData) };
  } catch (error) {
    removeData();
    throw error;
  }
}

// The same proxy with no store at all (bench/servers/proxy-without-store.ts, from the sources).
export function startProxyWithoutStore(
  simulatorUrl: string,
  nodeArgs: readonly string[] = [],
): Promise<ChildServer> {
  return forkTsServer('bench/servers/proxy-without-store.ts', proxyEnv(simulatorUrl), nodeArgs);
}

function proxyEnv(simulatorUrl: string): Record<string, string> {
  return {
    PLAID_UPSTREAM: 'plaid',
    PLAID_SANDBOX_URL: simulatorUrl,
    PLAID_PRODUCTION_URL: simulatorUrl,
    PLAID_CLIENT_ID: SIMULATOR_CLIENT_ID,
    PLAID_SECRET_SANDBOX: SIMULATOR_SECRET,
    PLAID_SECRET_PRODUCTION: SIMULATOR_SECRET,
    LOG_LEVEL: 'info',
    // Load from one client is one user: lift the per-user rate limit out of the measurement.
    RATE_LIMIT_PER_MINUTE: '100000000',
  };
}

export function startBaseline(simulatorUrl: string): Promise<ChildServer> {
  return forkTsServer('bench/baseline/server.ts', {
    BASELINE_UPSTREAM_URL: simulatorUrl,
    BASELINE_CLIENT_ID: SIMULATOR_CLIENT_ID,
    BASELINE_SECRET: SIMULATOR_SECRET,
  });
}

// The limit: a bare pass-through with no checks at all (bench/passthrough/server.ts).
export function startPassThrough(
  simulatorUrl: string,
  nodeArgs: readonly string[] = [],
): Promise<ChildServer> {
  return forkTsServer(
    'bench/passthrough/server.ts',
    {
      PASSTHROUGH_UPSTREAM_URL: simulatorUrl,
      PASSTHROUGH_CLIENT_ID: SIMULATOR_CLIENT_ID,
      PASSTHROUGH_SECRET: SIMULATOR_SECRET,
    },
    nodeArgs,
  );
}

// The same lookup, addressed to Plaid's API (the simulator) or to one of the proxies (the
// pass-through included).
export function plaidLookup(linkToken: string): LoadRequest {
  return {
    path: '/link/token/get',
    body: JSON.stringify({ link_token: linkToken }),
    headers: {
      'PLAID-CLIENT-ID': SIMULATOR_CLIENT_ID,
      'PLAID-SECRET': SIMULATOR_SECRET,
      'Plaid-Version': '2020-09-14',
    },
  };
}

export function proxyLookup(linkToken: string, origin: string): LoadRequest {
  // Origin makes the call same-origin, as the browser app's calls are (the proxy refuses others).
  return {
    path: '/api/link/token/get',
    body: JSON.stringify({ link_token: linkToken }),
    headers: { origin },
  };
}
