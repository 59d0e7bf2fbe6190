import { fixtureBase62, fixtureRequestId, fixtureUuid } from '../ids';
import { addSeconds, MINUTE, plaidPreciseTime, plaidTime } from '../time';
import type { Scenario } from '../types';
import { buildEvents } from './events';
import { emptyResults, publicToken } from './sessions';

const LINK_TOKEN = 'link-sandbox-00000000-0000-4000-8000-000000000012';

// An answer from a Plaid newer than our copy of the spec, to prove the inspector shows what it does
// not know instead of failing on it:
// - fields the spec does not have, at every level (the spec allows them: additionalProperties);
// - enum values the spec does not list yet (a new product, country, error type, bank income status
//   and transfer status; Plaid counts new enum values as a non-breaking change), and new event
//   names and exit statuses (free strings in the spec, but new to the UI);
// - every field the spec marks nullable set to null somewhere.
// Because of the enum values it does NOT validate against the strict spec; the conformance test
// checks that enums are the only thing it breaks.
export const forwardCompatible: Scenario = {
  scenario: 'forward-compatible',
  link_token: LINK_TOKEN,
  description:
    'An answer from a newer Plaid: unknown fields, unknown enum values and event names, and every nullable field null.',
  diagnosis: {
    verdict: 'in progress',
    actor: 'end user',
    findings: ['webhook-missing', 'several-sessions', 'sessions-without-events'],
  },
  answer({ now, requestId }) {
    const startedAt = addSeconds(now, -6 * MINUTE);
    const at = (seconds: number) => plaidPreciseTime(addSeconds(startedAt, seconds));
    const account = {
      id: fixtureBase62(`${LINK_TOKEN}/account`, 37),
      name: 'Plaid Checking',
      mask: null,
      type: 'depository',
      subtype: 'checking',
      verification_status: null,
      class_type: null,
      persistent_account_id: fixtureUuid(`${LINK_TOKEN}/persistent-account`),
    };

    // Still running, with events Plaid may add later; every nullable outcome is null.
    const running = {
      link_session_id: fixtureUuid(`${LINK_TOKEN}/session/running`),
      started_at: at(300),
      finished_at: null,
      on_success: null,
      on_exit: null,
      exit: null,
      results: null,
      session_channel: 'HOSTED_LINK',
      events: buildEvents(`${LINK_TOKEN}/running`, addSeconds(startedAt, 300), [
        { event_name: 'OPEN', at: 0 },
        { event_name: 'OPEN_HOLOGRAM_CONSENT', at: 2, metadata: { hologram_mode: 'PASSIVE' } },
        { event_name: 'TRANSITION_VIEW', at: 3, metadata: { view_name: 'HOLOGRAM_CONSENT' } },
      ]),
    };
    // Linked, with a new bank income status, a new transfer status and a result kind we do not know.
    const linked = {
      link_session_id: fixtureUuid(`${LINK_TOKEN}/session/linked`),
      started_at: at(100),
      finished_at: at(160),
      on_success: {
        public_token: publicToken(`${LINK_TOKEN}/linked`, 'sandbox'),
        metadata: {
          institution: null,
          accounts: [account],
          link_session_id: fixtureUuid(`${LINK_TOKEN}/session/linked`),
          transfer_status: 'PARTIALLY_COMPLETE',
        },
      },
      results: {
        ...emptyResults(),
        item_add_results: [
          {
            public_token: publicToken(`${LINK_TOKEN}/linked`, 'sandbox'),
            accounts: [account],
            institution: null,
          },
        ],
        bank_income_results: [
          { status: 'PENDING_REVIEW', item_id: fixtureBase62(`${LINK_TOKEN}/item`, 37), institution: null },
        ],
        document_income_results: null,
        cra_document_upload_results: null,
        wallet_add_results: [{ wallet_id: 'wlt_7Kx3' }],
      },
      events: buildEvents(`${LINK_TOKEN}/linked`, addSeconds(startedAt, 100), [
        { event_name: 'OPEN', at: 0 },
        {
          event_name: 'SELECT_INSTITUTION',
          at: 10,
          metadata: { institution_id: 'ins_109508', institution_name: 'First Platypus Bank' },
        },
        { event_name: 'HANDOFF', at: 59 },
      ]),
    };
    // Linked with no success metadata at all.
    const bare = {
      link_session_id: fixtureUuid(`${LINK_TOKEN}/session/bare`),
      started_at: at(40),
      finished_at: at(80),
      on_success: { public_token: publicToken(`${LINK_TOKEN}/bare`, 'sandbox'), metadata: null },
      results: emptyResults(),
    };
    // Failed with an error type and exit status from the future; the deprecated on_exit is empty.
    const failed = {
      link_session_id: fixtureUuid(`${LINK_TOKEN}/session/failed`),
      started_at: at(0),
      finished_at: at(30),
      exit: {
        error: {
          error_type: 'IDENTITY_MATCH_ERROR',
          error_code: 'LIVENESS_CHECK_FAILED',
          error_code_reason: null,
          error_message: 'the liveness check could not be completed',
          display_message: null,
          request_id: fixtureRequestId(`${LINK_TOKEN}/failed`),
          causes: [],
          status: null,
          documentation_url: 'https://plaid.com/docs/errors/identity-match/#liveness_check_failed',
          suggested_action: null,
          retry_after_seconds: 30,
        },
        metadata: {
          institution: null,
          status: 'requires_liveness_check',
          link_session_id: fixtureUuid(`${LINK_TOKEN}/session/failed`),
          request_id: fixtureRequestId(`${LINK_TOKEN}/failed`),
        },
      },
      on_exit: { error: null, metadata: null },
      results: null,
      events: [],
    };

    const body = {
      link_token: LINK_TOKEN,
      created_at: null,
      expiration: null,
      metadata: {
        initial_products: ['transactions', 'cash_flow_forecast'],
        webhook: null,
        country_codes: ['US', 'JP'],
        language: null,
        redirect_uri: null,
        client_name: null,
        account_filters: { depository: { account_subtypes: ['checking'], limited_purpose_types: [] } },
        link_customization_name: 'spring-2027',
      },
      link_sessions: [running, linked, bare, failed],
      request_id: requestId,
      user_id: 'usr_fwd00compat01',
      hosted_link: { url: 'https://hosted.plaid.com/link/fwd-compat', created_at: plaidTime(now) },
    };
    return { kind: 'response', body };
  },
};
