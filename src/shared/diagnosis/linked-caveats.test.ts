import { describe, expect, it } from 'vitest';
import type { LinkSession } from '../schemas/link-token-get-response';
import { emptyResults, makeResponse, makeSession } from '../test/fixtures';
import { diagnose } from './diagnose';
import { linkedCaveat } from './linked-caveats';

const NOW = Date.parse('2026-11-25T12:00:00Z');

function linked(overrides: Partial<LinkSession>): LinkSession {
  return makeSession({
    link_session_id: 'linked',
    started_at: '2026-11-25T11:50:00Z',
    finished_at: '2026-11-25T11:51:00Z',
    events: [],
    on_success: { public_token: 'public-sandbox-x', metadata: { institution: null, accounts: [] } },
    ...overrides,
  });
}

const withAccount = (verification_status: string) =>
  linked({
    on_success: {
      public_token: 'public-sandbox-x',
      metadata: { institution: null, accounts: [{ id: 'a', verification_status }] },
    },
  });

describe('linkedCaveat', () => {
  it.each([
    ['pending_manual_verification', 'end user', /confirm the micro-deposit amounts/],
    ['pending_automatic_verification', 'integrating team', /verify it automatically/],
    ['unsent', 'integrating team', /not been sent yet/],
    ['verification_failed', 'end user', /verification failed/],
    ['verification_expired', 'end user', /verification expired/],
  ])('micro-deposits %s: %s acts', (status, actor, but) => {
    const caveat = linkedCaveat(withAccount(status));
    expect(caveat?.actor).toBe(actor);
    expect(caveat?.but).toMatch(but);
  });

  it('a verified account, or none, is done', () => {
    expect(linkedCaveat(withAccount('automatically_verified'))).toBeNull();
    expect(linkedCaveat(linked({}))).toBeNull();
  });

  it.each([
    ['NO_DEPOSITS_FOUND', 'end user'],
    ['USER_REPORTED_NO_INCOME', 'end user'],
    ['STARTED', 'end user'],
    ['INTERNAL_ERROR', 'plaid support'],
  ])('bank income %s: %s acts', (status, actor) => {
    const session = linked({
      results: {
        ...emptyResults,
        bank_income_results: [{ status, item_id: 'item', institution: null }],
      },
    });
    expect(linkedCaveat(session)?.actor).toBe(actor);
    expect(
      linkedCaveat(
        linked({
          results: {
            ...emptyResults,
            bank_income_results: [{ status: 'APPROVED', item_id: 'i', institution: null }],
          },
        }),
      ),
    ).toBeNull();
  });

  it('transfer_status INCOMPLETE: the integrating team checks the transfer intent', () => {
    const session = linked({
      on_success: {
        public_token: 'public-sandbox-x',
        metadata: { institution: null, transfer_status: 'INCOMPLETE' },
      },
    });
    expect(linkedCaveat(session)).toMatchObject({
      actor: 'integrating team',
      but: expect.stringMatching(/INCOMPLETE/),
    });
  });

  it('the verdict stays Linked, and the headline says “Linked, but …” with who acts next', () => {
    const diagnosis = diagnose(makeResponse({ link_sessions: [withAccount('verification_failed')] }), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'linked',
      actor: 'end user',
      headline: 'The user linked an account, but its micro-deposit verification failed.',
    });
  });
});
