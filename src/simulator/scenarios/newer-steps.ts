import { addSeconds, HOUR, MINUTE, plaidPreciseTime } from '../time';
import type { Scenario } from '../types';
import { view } from './events';
import { tokenMetadata } from './metadata';
import { emptyResults, exitSession, openSession, tokenAnswer } from './sessions';

// Steps Link added for returning users and for flows that add no Item.

export const returningUserLeftAtPhone: Scenario = {
  scenario: 'returning-user-left-at-phone',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000028',
  description:
    'A returning user entered their phone number and left at the one-time code check, before choosing a bank (exit status requires_credentials).',
  diagnosis: { verdict: 'abandoned', actor: 'end user', findings: [] },
  answer({ now, requestId }) {
    const session = exitSession({
      seed: `${this.link_token}/1`,
      startedAt: addSeconds(now, -12 * MINUTE),
      steps: [
        { event_name: 'OPEN', at: 0 },
        view('CONSENT', 1),
        view('SUBMIT_PHONE', 4),
        { event_name: 'SUBMIT_PHONE', at: 15 },
        view('VERIFY_PHONE', 16),
        { event_name: 'EXIT', at: 95, metadata: { exit_status: 'requires_credentials' } },
      ],
      institution: null,
      error: null,
      status: 'requires_credentials',
    });
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -13 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const identityVerificationPassed: Scenario = {
  scenario: 'identity-verification-passed',
  link_token: 'link-sandbox-00000000-0000-4000-a000-000000000029',
  description:
    'An Identity Verification session that passed (IDENTITY_VERIFICATION_PASS_SESSION): finished, no Item and no results, and not abandoned.',
  diagnosis: { verdict: 'linked', actor: 'nobody', findings: [] },
  answer({ now, requestId }) {
    const startedAt = addSeconds(now, -20 * MINUTE);
    const steps = [
      { event_name: 'OPEN', at: 0 },
      { event_name: 'IDENTITY_VERIFICATION_START_STEP', at: 2, metadata: { view_name: 'KYC_CHECK' } },
      view('KYC_CHECK', 2),
      { event_name: 'IDENTITY_VERIFICATION_PASS_STEP', at: 60, metadata: { view_name: 'KYC_CHECK' } },
      { event_name: 'IDENTITY_VERIFICATION_START_STEP', at: 61, metadata: { view_name: 'SELFIE_CHECK' } },
      view('SELFIE_CHECK', 61),
      { event_name: 'IDENTITY_VERIFICATION_PASS_STEP', at: 110, metadata: { view_name: 'SELFIE_CHECK' } },
      { event_name: 'IDENTITY_VERIFICATION_PASS_SESSION', at: 112 },
      { event_name: 'HANDOFF', at: 114 },
    ];
    const session = {
      ...openSession({ seed: `${this.link_token}/1`, startedAt, steps }),
      finished_at: plaidPreciseTime(addSeconds(startedAt, 115)),
      results: emptyResults(),
    };
    const body = tokenAnswer({
      linkToken: this.link_token,
      createdAt: addSeconds(now, -21 * MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata({ initial_products: ['identity_verification'], account_filters: {} }),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};
