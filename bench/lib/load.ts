import autocannon from 'autocannon';
import { percentile } from './stats';

// Load runs with autocannon, keeping every response time (autocannon's histogram rounds to whole
// milliseconds, too coarse to see a proxy's added 0.3 ms).

export type LoadRequest = { path: string; body: string; headers?: Record<string, string> };

export type LoadOptions = {
  baseUrl: string;
  // Requests are sent in this order, round robin per connection.
  requests: readonly LoadRequest[];
  connections: number;
  // Either a duration or an exact number of requests.
  durationSeconds?: number;
  amount?: number;
  // Fixed arrival rate across all connections (requests per second), when set.
  overallRate?: number;
};

export type LoadRun = {
  latencies: number[];
  durationSeconds: number;
  // Answers that were not 2xx, and requests that got no answer (connection errors, timeouts).
  non2xx: number;
  errors: number;
  statusCounts: Record<string, number>;
  // CPU time the server under load used meanwhile, when measured (bench/lib/cpu-time.ts).
  serverCpuSeconds?: number;
};

export type LoadResult = {
  answered: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  statusCounts: Record<string, number>;
  // The server's CPU time per answered request, in microseconds, when every run measured it.
  cpuPerRequestUs: number | undefined;
};

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        // autocannon refuses keys that are present but undefined.
        ...(options.durationSeconds !== undefined && { duration: options.durationSeconds }),
        ...(options.amount !== undefined && { amount: options.amount }),
        ...(options.overallRate !== undefined && { overallRate: options.overallRate }),
        requests: options.requests.map((request) => ({
          method: 'POST',
          path: request.path,
          body: request.body,
          headers: { 'content-type': 'application/json', ...request.headers },
        })),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  const statusCounts: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {}))
    statusCounts[status] = count ?? 0;
  return {
    latencies,
    durationSeconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCounts,
  };
}

// Pools several runs against the same target (e.g. rounds interleaved with other targets, so that
// a burst of noise on the machine hits every target alike) into one set of figures.
export function summarise(runs: readonly LoadRun[]): LoadResult {
  const latencies = runs.flatMap((run) => run.latencies);
  const seconds = runs.reduce((total, run) => total + run.durationSeconds, 0);
  const statusCounts: Record<string, number> = {};
  for (const run of runs) {
    for (const [status, count] of Object.entries(run.statusCounts))
      statusCounts[status] = (statusCounts[status] ?? 0) + count;
  }
  return {
    answered: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failed: runs.reduce((total, run) => total + run.non2xx + run.errors, 0),
    statusCounts,
    cpuPerRequestUs: runs.every((run) => run.serverCpuSeconds !== undefined)
      ? (runs.reduce((total, run) => total + run.serverCpuSeconds!, 0) * 1e6) / latencies.length
      : undefined,
  };
}
