import { describe, expect, it } from 'vitest';
import { makeEvent } from '../test/fixtures';
import { EXIT_STATUS_MEANINGS } from '../domain/exit-reasons';
import { exitStatusMeaning } from './exit-status';

const events = (...names: string[]) =>
  names.map((event_name, index) =>
    makeEvent({ event_name, timestamp: `2026-11-25T10:00:0${index}Z`, event_metadata: {} }),
  );

describe('exitStatusMeaning: requires_credentials from the steps reached', () => {
  it.each([
    [
      'before choosing a bank',
      ['OPEN', 'SEARCH_INSTITUTION', 'EXIT'],
      'searched',
      'left before choosing a bank',
    ],
    [
      'after choosing a bank',
      ['OPEN', 'SELECT_INSTITUTION', 'EXIT'],
      'bank chosen',
      'left after choosing a bank, before signing in to it',
    ],
    [
      'at the form, nothing submitted',
      ['OPEN', 'SELECT_INSTITUTION', 'EXIT'],
      'credentials',
      'left at the bank’s sign-in form without submitting it',
    ],
    [
      'after submitting a login',
      ['OPEN', 'SELECT_INSTITUTION', 'SUBMIT_CREDENTIALS', 'ERROR', 'EXIT'],
      'credentials',
      'left after submitting their bank login, before the sign-in completed',
    ],
  ] as const)('%s', (_case, names, stoppedAt, meaning) => {
    expect(exitStatusMeaning('requires_credentials', events(...names), stoppedAt)).toBe(meaning);
  });

  it('an error at the form without SUBMIT_CREDENTIALS (not every client logs it): says only what is known', () => {
    expect(
      exitStatusMeaning(
        'requires_credentials',
        events('OPEN', 'SELECT_INSTITUTION', 'ERROR', 'EXIT'),
        'credentials',
      ),
    ).toBe('left at the bank’s sign-in form after Link showed an error');
  });

  it('never says "or before choosing a bank" once the user chose one and submitted a login', () => {
    const meaning = exitStatusMeaning(
      'requires_credentials',
      events('OPEN', 'SELECT_INSTITUTION', 'SUBMIT_CREDENTIALS', 'EXIT'),
      'credentials',
    );
    expect(meaning).not.toMatch(/before choosing a bank/);
  });

  it('without events, Plaid’s own description stands', () => {
    expect(exitStatusMeaning('requires_credentials', [], null)).toBe(
      EXIT_STATUS_MEANINGS.requires_credentials,
    );
  });
});

describe('exitStatusMeaning: other statuses', () => {
  it('institution_not_supported after a filtered bank: the token’s configuration, not Plaid dropping the bank', () => {
    expect(
      exitStatusMeaning(
        'institution_not_supported',
        events('OPEN', 'SELECT_FILTERED_INSTITUTION', 'EXIT'),
        'bank chosen',
      ),
    ).toBe('left after Link said it cannot connect the chosen bank for this token’s products or countries');
    expect(
      exitStatusMeaning(
        'institution_not_supported',
        events('OPEN', 'SELECT_INSTITUTION', 'EXIT'),
        'bank chosen',
      ),
    ).toBe(EXIT_STATUS_MEANINGS.institution_not_supported);
  });

  it('keeps Plaid’s description for the others, and nothing for an unknown status', () => {
    expect(exitStatusMeaning('requires_code', events('OPEN', 'SUBMIT_MFA', 'EXIT'), 'mfa')).toBe(
      EXIT_STATUS_MEANINGS.requires_code,
    );
    expect(exitStatusMeaning('requires_hologram', [], null)).toBeNull();
  });
});
