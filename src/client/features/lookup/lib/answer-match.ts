import { checkLinkToken } from '../../../../shared/link-token';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';

// Whether the answer on screen still answers what the form now holds. It stops doing so as soon
// as the token is edited (even into something invalid, so an inline error never sits above an
// answer as if it were that token's), or the credentials change (they decide what Plaid says).
export type AnswerMatch = 'current' | 'other-token' | 'other-credentials';

type FormFields = { link_token: string; client_id: string; secret: string };

// The same token written differently (spaces, capitals) is still the same token.
function sameToken(typed: string, lookedUp: string): boolean {
  const a = checkLinkToken(typed);
  const b = checkLinkToken(lookedUp);
  return a.ok && b.ok ? a.token === b.token : typed.trim() === lookedUp.trim();
}

function sameCredential(typed: string, used: string | undefined): boolean {
  return typed.trim() === (used ?? '');
}

export function matchAnswerToForm(form: FormFields, lookedUp: LinkTokenGetRequest): AnswerMatch {
  if (!sameToken(form.link_token, lookedUp.link_token)) return 'other-token';
  if (!sameCredential(form.client_id, lookedUp.client_id) || !sameCredential(form.secret, lookedUp.secret)) {
    return 'other-credentials';
  }
  return 'current';
}
