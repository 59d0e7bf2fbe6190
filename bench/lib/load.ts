import autocannon from 'autocannon';
import { percentile } from './stats';

// One load run with autocannon, keeping every response time (autocannon's histogram rounds to
// whole milliseconds, too coarse to see a proxy's added 0.3 ms).

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

export type LoadResult = {
  answered: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationSeconds,
        amount: options.amount,
        overallRate: options.overallRate,
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
    answered: latencies.length,
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
  };
}
