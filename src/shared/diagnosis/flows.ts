import type { LinkEvent } from '../schemas/link-token-get-response';
import type { LinkedCaveat } from './linked-caveats';
import { DOCS } from './docs-links';

// Link flows that add no Item: Identity Verification (a KYC check) and Layer (onboarding from a
// phone number). Their sessions end well without item_add_results, so they are read from their
// events: a verification that reached its outcome is done, not abandoned.

export type ItemlessFlow = 'Identity Verification' | 'Layer';

// Which of these flows the session ran, from its events; null for a bank-linking session.
export function itemlessFlow(events: readonly LinkEvent[]): ItemlessFlow | null {
  if (events.some((event) => event.event_name.startsWith('IDENTITY_VERIFICATION_'))) {
    return 'Identity Verification';
  }
  if (events.some((event) => event.event_name.startsWith('LAYER_'))) return 'Layer';
  return null;
}

// The events with which an Identity Verification session reaches its outcome.
const IDV_OUTCOMES = [
  'IDENTITY_VERIFICATION_PASS_SESSION',
  'IDENTITY_VERIFICATION_FAIL_SESSION',
  'IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION',
];

export function verificationFinished(events: readonly LinkEvent[]): boolean {
  return events.some((event) => IDV_OUTCOMES.includes(event.event_name));
}

const IDV_DOCS = 'https://plaid.com/docs/identity-verification/';

// A finished verification that did not pass: the session is done, the user is not verified yet.
export function verificationCaveat(events: readonly LinkEvent[]): LinkedCaveat | null {
  const outcome = events.findLast((event) => IDV_OUTCOMES.includes(event.event_name))?.event_name;
  if (outcome === 'IDENTITY_VERIFICATION_FAIL_SESSION') {
    return {
      but: 'the verification did not pass',
      actor: 'integrating team',
      nextStep:
        'Read why with /identity_verification/get (the link_session_id is its identity_verification_id) or in the Dashboard; then decide, per the app’s policy, whether the user may retry (/identity_verification/retry) or is verified another way.',
      explanation:
        'The user went through every step; Identity Verification ran its checks and the user did not pass (Link still calls onSuccess for a finished verification).',
      docsUrl: IDV_DOCS,
    };
  }
  if (outcome === 'IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION') {
    return {
      but: 'the verification waits for a manual review',
      actor: 'integrating team',
      nextStep:
        'Someone on the integrating team reviews the session in Plaid’s Dashboard (Identity Verification) and approves or rejects it.',
      explanation: 'The checks left the decision to a person: the session is pending review.',
      docsUrl: IDV_DOCS,
    };
  }
  return null;
}

// The next step after a flow that adds no Item went well.
export const ITEMLESS_DONE: Readonly<Record<ItemlessFlow, { nextStep: string; docsUrl: string }>> = {
  'Identity Verification': {
    nextStep:
      'Nothing to fix in Link: Identity Verification adds no Item. The app reads the result with /identity_verification/get (the link_session_id is its identity_verification_id).',
    docsUrl: IDV_DOCS,
  },
  Layer: {
    nextStep:
      'Nothing to fix in Link: Layer adds no Item by itself. The app exchanges the public_token with /user_account/session/get for what the user shared.',
    docsUrl: DOCS.linkTokenGet,
  },
};
