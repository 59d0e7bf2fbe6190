import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import type { LoadRequest, LoadRun } from './load';

// A fixed arrival rate with evenly spaced requests: one every 1000 / rate ms, each sent on time
// whether or not earlier ones have been answered (open loop). autocannon's overallRate is not
// that: each connection fires its whole quota for the second back to back at the start of the
// second, so "100 req/s over 10 connections" is a burst of 100 every second, and the figures
// measure queueing in the burst rather than the latency a request meets at 100 req/s.

export type PacedLoadOptions = {
  baseUrl: string;
  request: LoadRequest;
  requestsPerSecond: number;
  durationSeconds: number;
};

export async function runPacedLoad(options: PacedLoadOptions): Promise<LoadRun> {
  // Keep-alive connections, opened as needed: a request never waits for a free connection.
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  const run: LoadRun = { latencies: [], durationSeconds: 0, non2xx: 0, errors: 0, statusCounts: {} };
  const send = async (): Promise<void> => {
    const sentAt = performance.now();
    try {
      const response = await request(`${options.baseUrl}${options.request.path}`, {
        dispatcher,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.request.headers },
        body: options.request.body,
      });
      await response.body.text();
      run.latencies.push(performance.now() - sentAt);
      const status = String(response.statusCode);
      run.statusCounts[status] = (run.statusCounts[status] ?? 0) + 1;
      if (response.statusCode < 200 || response.statusCode > 299) run.non2xx++;
    } catch {
      run.errors++;
    }
  };

  const interval = 1000 / options.requestsPerSecond;
  const total = Math.round(options.requestsPerSecond * options.durationSeconds);
  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    // Due times come from the start, not from the previous send, so timer lateness never adds up.
    const wait = startedAt + index * interval - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(send());
  }
  await Promise.all(inFlight);
  run.durationSeconds = (performance.now() - startedAt) / 1000;
  await dispatcher.close();
  return run;
}
