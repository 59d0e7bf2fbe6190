import { http, HttpResponse } from 'msw';
import type { ServerInfo, SimulatorToken } from '../../shared/api-types';
import {
  LinkTokenGetResponseSchema,
  type LinkSession,
  type LinkTokenGetResponse,
} from '../../shared/schemas/link-token-get-response';
import { specExampleResponse } from '../../shared/spec/vendored-spec';

// Answers for the lookup tests, built from Plaid's own spec example so that they are what a
// real server sends; each test overrides only what it is about.

export const SANDBOX_TOKEN = 'link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const PRODUCTION_TOKEN = 'link-production-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const example = LinkTokenGetResponseSchema.parse(specExampleResponse);
export const exampleSession: LinkSession = example.link_sessions![0]!;

export function answer(overrides: Partial<LinkTokenGetResponse> = {}): LinkTokenGetResponse {
  const inFourHours = new Date(Date.now() + 4 * 3600_000).toISOString();
  return LinkTokenGetResponseSchema.parse({
    ...example,
    link_token: SANDBOX_TOKEN,
    created_at: new Date().toISOString(),
    expiration: inFourHours,
    ...overrides,
  });
}

// A session still running, as the diagnosis reads one: no end, no results yet, with only its first
// `eventCount` events so far, which happened in the last minutes (Plaid's example is from 2024).
export function runningSession(eventCount: number): LinkSession {
  const shift = Date.now() - 60_000 - Date.parse(exampleSession.finished_at!);
  const moved = (time: string) => new Date(Date.parse(time) + shift).toISOString();
  return {
    ...exampleSession,
    on_success: null,
    results: undefined,
    started_at: moved(exampleSession.started_at!),
    finished_at: null,
    events: exampleSession
      .events!.slice(-eventCount)
      .map((event) => ({ ...event, timestamp: moved(event.timestamp) })),
  };
}

export const SIMULATOR_INFO: ServerInfo = {
  mode: 'simulator',
  serverCredentials: ['sandbox'],
  allowRequestCredentials: true,
  rateLimitPerMinute: 120,
  publicUrl: null,
};

export const FIXTURE_TOKENS: SimulatorToken[] = [
  { link_token: SANDBOX_TOKEN, scenario: 'success', description: 'A completed session with an item.' },
  {
    link_token: 'link-sandbox-ffffffff-ffff-4fff-bfff-ffffffffffff',
    scenario: 'unknown',
    description: 'Not a token the simulator knows.',
  },
];

export function configHandler(info: ServerInfo = SIMULATOR_INFO) {
  return http.get('/api/config', () => HttpResponse.json(info));
}

export function fixtureTokensHandler(tokens: SimulatorToken[] = FIXTURE_TOKENS) {
  return http.get('/api/simulator/tokens', () => HttpResponse.json({ tokens }));
}
