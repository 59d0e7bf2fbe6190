import type { LinkTokenMetadata } from '../../shared/schemas/link-token-get-response';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, openAndSelect } from './events';
import { FIRST_PLATYPUS, sandboxAccounts } from './institutions';
import { tokenMetadata } from './metadata';
import { successSession, tokenAnswer } from './sessions';

// Tokens whose configuration is the story: each links (or waits) normally, and the diagnosis has a
// finding about a field.

// A token made 20 minutes ago with the given configuration: Link not opened yet, or one session
// that linked First Platypus Bank (with its events, or without any).
function configured(
  linkToken: string,
  { now, requestId }: { now: Date; requestId: string },
  metadata: LinkTokenMetadata,
  session: 'linked' | 'none' | 'linked without events',
) {
  const seed = `${linkToken}/1`;
  const steps =
    session === 'linked'
      ? [...openAndSelect(FIRST_PLATYPUS), ...credentialLoginToHandoff(FIRST_PLATYPUS, 13)]
      : [];
  const sessions =
    session === 'none'
      ? []
      : [
          successSession({
            seed,
            startedAt: addSeconds(now, -15 * MINUTE),
            steps,
            institution: FIRST_PLATYPUS,
            accounts: sandboxAccounts(seed),
            environment: linkToken.startsWith('link-production-') ? 'production' : 'sandbox',
          }),
        ];
  const body = tokenAnswer({
    linkToken,
    createdAt: addSeconds(now, -20 * MINUTE),
    lifetimeSeconds: 4 * HOUR,
    metadata,
    sessions,
    requestId,
  });
  return { kind: 'response' as const, body };
}

export const webhookUnreachable: Scenario = {
  scenario: 'webhook-unreachable',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000011',
  description:
    'Linked, but the webhook is an internal-only name Plaid cannot reach (https://plaid-hooks.acme.internal/webhook).',
  diagnosis: { verdict: 'linked', actor: 'integrating team', findings: ['webhook-unreachable'] },
  answer(context) {
    return configured(
      this.link_token,
      context,
      tokenMetadata({ webhook: 'https://plaid-hooks.acme.internal/webhook' }),
      'linked',
    );
  },
};

export const webhookPlainHttp: Scenario = {
  scenario: 'webhook-plain-http',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000012',
  description: 'Not opened yet; its webhook is plain http (http://api.acme.example/plaid/webhook).',
  diagnosis: { verdict: 'never opened', actor: 'end user', findings: ['webhook-plain-http'] },
  answer(context) {
    return configured(
      this.link_token,
      context,
      tokenMetadata({ webhook: 'http://api.acme.example/plaid/webhook' }),
      'none',
    );
  },
};

export const webhookMissing: Scenario = {
  scenario: 'webhook-missing',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000013',
  description:
    'Linked for transactions, but the token has no webhook: SYNC_UPDATES_AVAILABLE and Item errors have nowhere to go.',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: ['webhook-missing'] },
  answer(context) {
    return configured(this.link_token, context, tokenMetadata({ webhook: null }), 'linked');
  },
};

export const redirectUriInvalid: Scenario = {
  scenario: 'redirect-uri-invalid',
  link_token: 'link-production-00000000-0000-4000-a000-000000000014',
  description:
    'A Production token not opened yet, whose redirect_uri has a query string and is not https (http://app.acme.example/plaid/oauth?from=link).',
  diagnosis: {
    verdict: 'never opened',
    actor: 'end user',
    findings: ['redirect-uri-query', 'redirect-uri-not-https'],
  },
  answer(context) {
    return configured(
      this.link_token,
      context,
      tokenMetadata({
        webhook: 'https://api.acme.example/plaid/webhook',
        redirect_uri: 'http://app.acme.example/plaid/oauth?from=link',
      }),
      'none',
    );
  },
};

export const sessionWithoutEvents: Scenario = {
  scenario: 'session-without-events',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000015',
  description: 'Linked First Platypus Bank, but Plaid returned the session without a single event.',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: ['sessions-without-events'] },
  answer(context) {
    return configured(this.link_token, context, tokenMetadata(), 'linked without events');
  },
};
