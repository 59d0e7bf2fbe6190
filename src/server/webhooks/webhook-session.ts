import { maskPublicTokens } from '../../shared/kept/mask-public-tokens';
import type { LinkWebhook } from '../../shared/schemas/link-webhooks';
import type { LinkSession } from '../../shared/schemas/link-token-get-response';

// What one LINK webhook says about its session, as the session /link/token/get would show it, so
// that it merges with the copies lookups keep (store/webhooks.ts) and the same rules diagnose it:
//   EVENTS: the session's events (all of them so far; Plaid resends earlier ones).
//   SESSION_FINISHED: the session ended at or just before `signedAt` (Plaid's own time, the JWT's
//     iat): SUCCESS with a public token becomes on_success, EXITED becomes an exit without error
//     (the webhook names none).
//   ITEM_ADD_RESULT: an Item was added, shown as on_success with its public token.
// Public tokens are masked like every kept answer's. Fields the webhook does not carry (institution,
// accounts, metadata) are left out, never made up.
export function sessionFromWebhook(webhook: LinkWebhook, signedAt: Date): LinkSession {
  const session: LinkSession = { link_session_id: webhook.link_session_id };
  switch (webhook.webhook_code) {
    case 'EVENTS':
      session.events = webhook.events;
      break;
    case 'SESSION_FINISHED': {
      session.finished_at = signedAt.toISOString();
      const publicToken = webhook.public_tokens?.[0] ?? webhook.public_token;
      if (webhook.status === 'SUCCESS' && publicToken)
        session.on_success = { public_token: publicToken, metadata: null };
      if (webhook.status === 'EXITED') session.exit = { error: null, metadata: null };
      break;
    }
    case 'ITEM_ADD_RESULT':
      session.on_success = { public_token: webhook.public_token, metadata: null };
      break;
  }
  return maskPublicTokens(session) as LinkSession;
}
