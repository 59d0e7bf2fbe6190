import type { PlaidEnvironment } from '../shared/link-token';
import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from './credentials';
import type { RunningSimulator } from './server';

// Shared by the simulator's tests: a simulator on an ephemeral loopback port, and a way to call it
// the way the proxy calls Plaid.

export const PLAID_HEADERS = {
  'Content-Type': 'application/json',
  'PLAID-CLIENT-ID': SIMULATOR_CLIENT_ID,
  'PLAID-SECRET': SIMULATOR_SECRET,
  'Plaid-Version': '2020-09-14',
};

export interface SimulatorReply {
  status: number;
  headers: Headers;
  text: string;
  // The parsed body (undefined when it is not JSON).
  json: unknown;
}

export function postLinkTokenGet(
  simulator: RunningSimulator,
  body: unknown,
  headers: Record<string, string> = PLAID_HEADERS,
  signal?: AbortSignal,
): Promise<SimulatorReply> {
  return post(`${simulator.url}/link/token/get`, body, headers, signal);
}

export function postInstitutionsGetById(
  simulator: RunningSimulator,
  environment: PlaidEnvironment,
  body: unknown,
  headers: Record<string, string> = PLAID_HEADERS,
): Promise<SimulatorReply> {
  return post(`${simulator.urls[environment]}/institutions/get_by_id`, body, headers);
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<SimulatorReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function lookUpToken(simulator: RunningSimulator, linkToken: string): Promise<SimulatorReply> {
  return postLinkTokenGet(simulator, { link_token: linkToken });
}

// A clock the test moves by hand.
export function manualClock(start = new Date('2026-03-02T15:00:00Z')): {
  now: () => Date;
  advance(ms: number): void;
} {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => (current += ms) };
}
