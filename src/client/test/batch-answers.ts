import type { PlaidError } from '../../shared/schemas/plaid-error';
import type { LinkSession } from '../../shared/schemas/link-token-get-response';

// Test-only helpers: Plaid-shaped answers for msw handlers in the batch tests.

export function tokenNumber(n: number): string {
  return `link-sandbox-${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
}

export function linkTokenBody(
  linkToken: string,
  options: { expiration?: string | null; sessions?: LinkSession[] } = {},
): Record<string, unknown> {
  return {
    link_token: linkToken,
    created_at: '2026-11-25T04:00:00Z',
    expiration: options.expiration === undefined ? '2099-01-01T00:00:00Z' : options.expiration,
    metadata: {
      initial_products: ['auth'],
      webhook: null,
      country_codes: ['US'],
      language: 'en',
      redirect_uri: null,
      client_name: 'Test App',
    },
    link_sessions: options.sessions ?? [],
    request_id: `req-${linkToken.slice(-4)}`,
  };
}

export function plaidErrorBody(code: string, type = 'INVALID_INPUT'): PlaidError {
  return {
    error_type: type,
    error_code: code,
    error_message: `${code} happened`,
    display_message: null,
    request_id: 'req-error',
  };
}

export async function requestedToken(request: Request): Promise<string> {
  const body = (await request.json()) as { link_token: string };
  return body.link_token;
}

function event(id: string, name: string, timestamp: string, metadata: Record<string, string> = {}) {
  return { event_id: id, event_name: name, timestamp, event_metadata: metadata };
}

export type SessionOptions = {
  id?: string;
  // When the session started; it runs five minutes from there.
  startedAt?: string;
  institution?: { name: string; institution_id: string };
};

const BANK = { name: 'Houndstooth Bank', institution_id: 'ins_109512' };

function minutesAfter(start: string, minutes: number): string {
  return new Date(Date.parse(start) + minutes * 60_000).toISOString();
}

// A session that exited with Plaid's `code` after the user submitted their credentials at the bank
// (exit status requires_credentials), events newest first as Plaid lists them.
export function failedSession(code: string, options: SessionOptions = {}): LinkSession {
  const start = options.startedAt ?? '2026-11-25T05:00:00Z';
  const institution = options.institution ?? BANK;
  const bank = { institution_name: institution.name, institution_id: institution.institution_id };
  return {
    link_session_id: options.id ?? `failed-${code}`,
    started_at: start,
    finished_at: minutesAfter(start, 5),
    exit: {
      error: plaidErrorBody(code, 'ITEM_ERROR'),
      metadata: { institution, status: 'requires_credentials' },
    },
    events: [
      event('e5', 'EXIT', minutesAfter(start, 5), { exit_status: 'requires_credentials' }),
      event('e4', 'ERROR', minutesAfter(start, 4), { error_code: code }),
      event('e3', 'SUBMIT_CREDENTIALS', minutesAfter(start, 3), bank),
      event('e2', 'SELECT_INSTITUTION', minutesAfter(start, 1), bank),
      event('e1', 'OPEN', start),
    ],
  };
}

// A session that linked an Item at the bank (on_success), events newest first.
export function linkedSession(options: SessionOptions = {}): LinkSession {
  const start = options.startedAt ?? '2026-11-25T05:00:00Z';
  const institution = options.institution ?? BANK;
  const bank = { institution_name: institution.name, institution_id: institution.institution_id };
  return {
    link_session_id: options.id ?? 'linked',
    started_at: start,
    finished_at: minutesAfter(start, 5),
    on_success: { public_token: 'public-sandbox-x', metadata: { institution } },
    events: [
      event('s4', 'HANDOFF', minutesAfter(start, 5)),
      event('s3', 'SUBMIT_CREDENTIALS', minutesAfter(start, 3), bank),
      event('s2', 'SELECT_INSTITUTION', minutesAfter(start, 1), bank),
      event('s1', 'OPEN', start),
    ],
  };
}
