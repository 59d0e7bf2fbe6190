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
