// A public_token can be exchanged for an access_token for 30 minutes after Link hands it out: it is
// a credential, so nothing the inspector keeps holds one. Every public_token field, wherever Plaid
// puts it (on_success, item_add_results, fields added later), keeps only its environment prefix and
// last four characters, enough to tell two apart in a ticket.
export function maskPublicTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPublicTokens);
  if (value === null || typeof value !== 'object') return value;
  const masked: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    masked[field] =
      field === 'public_token' && typeof inner === 'string' ? maskToken(inner) : maskPublicTokens(inner);
  }
  return masked;
}

export const MASK = '…';

function maskToken(token: string): string {
  if (token.includes(MASK)) return token;
  const prefix = /^public-(sandbox|production|development)-/.exec(token)?.[0] ?? '';
  return `${prefix}${MASK}${token.slice(-4)}`;
}
