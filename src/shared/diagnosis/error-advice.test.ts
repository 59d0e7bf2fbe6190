import { describe, expect, it } from 'vitest';
import { EXIT_ERROR_MEANINGS } from '../domain/exit-reasons';
import type { PlaidError } from '../schemas/plaid-error';
import { CODES_WITH_OUR_WORDS, errorAdvice } from './error-advice';

const error = (error_type: string, error_code: string): PlaidError => ({
  error_type,
  error_code,
  error_message: `plaid says ${error_code}`,
  display_message: null,
});

describe('errorAdvice', () => {
  it('has a next step for every code it explains, and explains every code it has a next step for', () => {
    expect([...CODES_WITH_OUR_WORDS].sort()).toEqual(Object.keys(EXIT_ERROR_MEANINGS).sort());
  });

  it.each([
    ['ITEM_ERROR', 'ITEM_LOGIN_REQUIRED', 'integrating team', /update mode/],
    ['ITEM_ERROR', 'INVALID_CREDENTIALS', 'end user', /lock the account/],
    ['ITEM_ERROR', 'INVALID_MFA', 'end user', /fresh one-time code/],
    ['ITEM_ERROR', 'USER_SETUP_REQUIRED', 'end user', /bank’s own website/],
    ['ITEM_ERROR', 'NO_ACCOUNTS', 'end user', /account_filters/],
    ['INSTITUTION_ERROR', 'INSTITUTION_DOWN', 'bank', /^Wait for the bank.*after a day.*Plaid support/],
    [
      'INSTITUTION_ERROR',
      'INSTITUTION_NOT_RESPONDING',
      'bank',
      /^Wait for the bank.*after a day.*Plaid support/,
    ],
    [
      'INSTITUTION_ERROR',
      'INSTITUTION_NOT_AVAILABLE',
      'bank',
      /^Wait for the bank.*after a day.*Plaid support/,
    ],
    ['INSTITUTION_ERROR', 'INSTITUTION_REGISTRATION_REQUIRED', 'integrating team', /OAuth registration/],
    ['OAUTH_ERROR', 'INCORRECT_LINK_TOKEN', 'integrating team', /same link token/],
    ['OAUTH_ERROR', 'OAUTH_STATE_ID_NOT_FOUND', 'integrating team', /receivedRedirectUri/],
    ['INVALID_INPUT', 'INVALID_LINK_TOKEN', 'integrating team', /create a new link token/],
    // Typed INVALID_INPUT, which would otherwise make them the integrating team's.
    ['INVALID_INPUT', 'TOO_MANY_VERIFICATION_ATTEMPTS', 'end user', /links the account again another way/],
    ['INVALID_INPUT', 'INCORRECT_DEPOSIT_AMOUNTS', 'end user', /enters them exactly/],
    ['ITEM_ERROR', 'NO_AUTH_ACCOUNTS', 'end user', /links a bank or login that holds a checking, savings/],
    ['ITEM_ERROR', 'NO_INVESTMENT_ACCOUNTS', 'end user', /links a bank or login that holds an investment/],
    ['ITEM_ERROR', 'NO_LIABILITY_ACCOUNTS', 'end user', /holds a credit card, student loan or mortgage/],
  ])('%s %s: %s acts', (type, code, actor, nextStep) => {
    const advice = errorAdvice(error(type, code));
    expect(advice.actor).toBe(actor);
    expect(advice.nextStep).toMatch(nextStep);
    expect(advice.explanation).toBe(EXIT_ERROR_MEANINGS[code]);
    expect(advice.docsUrl).toMatch(/^https:\/\/plaid\.com\/docs\/errors\/[a-z-]+\/#[a-z_]+$/);
  });

  it('names the account subtypes a "no accounts" error missed: Plaid’s list first, else the token’s filters', () => {
    const filters = {
      depository: { account_subtypes: ['checking', 'savings'] },
      credit: { account_subtypes: ['credit card'] },
      investment: { account_subtypes: ['brokerage'] },
    };
    expect(errorAdvice(error('ITEM_ERROR', 'NO_AUTH_ACCOUNTS'), filters).nextStep).toMatch(
      /account_filters\. Account subtypes this token accepts: checking, savings\.$/,
    );
    expect(errorAdvice(error('ITEM_ERROR', 'NO_LIABILITY_ACCOUNTS'), filters).nextStep).toMatch(
      /accepts: credit card\.$/,
    );
    const fromPlaid = {
      ...error('ITEM_ERROR', 'NO_ACCOUNTS'),
      required_account_subtypes: ['401k', 'ira'],
      provided_account_subtypes: ['brokerage'],
    };
    expect(errorAdvice(fromPlaid, filters).nextStep).toMatch(
      /accepts: 401k, ira \(the login held: brokerage\)\.$/,
    );
    // Nothing to name: neither Plaid nor the token says which subtypes.
    expect(errorAdvice(error('ITEM_ERROR', 'NO_INVESTMENT_ACCOUNTS'), {}).nextStep).not.toMatch(/subtypes/);
    expect(errorAdvice(error('ITEM_ERROR', 'INVALID_MFA'), filters).nextStep).not.toMatch(/subtypes/);
  });

  it('ITEM_LOGIN_REQUIRED says why the bank wants a new sign-in when Plaid gives an error_code_reason', () => {
    const withReason = (error_code_reason: string | null) => ({
      ...error('ITEM_ERROR', 'ITEM_LOGIN_REQUIRED'),
      error_code_reason,
    });
    expect(errorAdvice(withReason('OAUTH_CONSENT_EXPIRED')).explanation).toBe(
      'The bank needs the user to sign in again: the consent the user gave at the bank (OAuth) expired.',
    );
    expect(errorAdvice(withReason('OAUTH_USER_REVOKED')).explanation).toMatch(
      /user revoked the app’s access/,
    );
    expect(errorAdvice(withReason('OAUTH_INVALID_TOKEN')).explanation).toMatch(/bank invalidated/);
    // Revoked on purpose: whether to reconnect is the user's choice, which the next step says.
    expect(errorAdvice(withReason('OAUTH_USER_REVOKED')).nextStep).toMatch(
      /update mode.*ask whether they want to reconnect/,
    );
    expect(errorAdvice(withReason('OAUTH_CONSENT_EXPIRED')).nextStep).not.toMatch(/whether they want/);
    // A reason Plaid adds later is passed on as Plaid's; none at all leaves our general words.
    expect(errorAdvice(withReason('OAUTH_SOMETHING_NEW')).explanation).toBe(
      `${EXIT_ERROR_MEANINGS.ITEM_LOGIN_REQUIRED} Plaid’s reason: OAUTH_SOMETHING_NEW.`,
    );
    expect(errorAdvice(withReason(null)).explanation).toBe(EXIT_ERROR_MEANINGS.ITEM_LOGIN_REQUIRED);
    expect(
      errorAdvice({ ...error('ITEM_ERROR', 'NEW_CODE'), error_code_reason: 'OAUTH_USER_REVOKED' })
        .explanation,
    ).toBe('Plaid’s reason: the user revoked the app’s access at the bank (OAuth).');
  });

  it('adds Plaid’s suggested_action after our words, or gives it instead of the docs pointer for a code we do not know, keeping our actor', () => {
    const suggesting = (error_type: string, error_code: string, suggested_action: string | null) => ({
      ...error(error_type, error_code),
      suggested_action,
    });
    expect(
      errorAdvice(
        suggesting('ITEM_ERROR', 'ITEM_LOGIN_REQUIRED', 'Prompt the user to re-authenticate their account.'),
      ),
    ).toMatchObject({
      actor: 'integrating team',
      nextStep: expect.stringMatching(
        /update mode.* Plaid suggests: Prompt the user to re-authenticate their account\.$/,
      ),
    });
    expect(errorAdvice(suggesting('INVALID_INPUT', 'INCORRECT_DEPOSIT_AMOUNTS', 'Retry'))).toMatchObject({
      actor: 'end user',
      nextStep: expect.stringMatching(/ Plaid suggests: Retry\.$/),
    });
    expect(errorAdvice(suggesting('INSTITUTION_ERROR', 'NEW_BANK_THING', 'Wait an hour'))).toMatchObject({
      actor: 'bank',
      nextStep: 'Plaid suggests: Wait an hour.',
    });
    // Null or blank: our own words.
    expect(errorAdvice(suggesting('ITEM_ERROR', 'INVALID_MFA', null)).nextStep).toMatch(
      /fresh one-time code/,
    );
    expect(errorAdvice(suggesting('ITEM_ERROR', 'INVALID_MFA', '  ')).nextStep).toMatch(
      /fresh one-time code/,
    );
  });

  it('for a code without our words: no explanation of ours, an actor by type, Plaid’s docs', () => {
    expect(errorAdvice(error('INSTITUTION_ERROR', 'NEW_BANK_THING'))).toEqual({
      actor: 'bank',
      nextStep:
        'Read Plaid’s page for NEW_BANK_THING; if it does not explain the case, contact Plaid support with the error’s request ID.',
      explanation: null,
      docsUrl: 'https://plaid.com/docs/errors/institution/#new_bank_thing',
    });
    expect(errorAdvice(error('OAUTH_ERROR', 'NEW_OAUTH_THING')).actor).toBe('integrating team');
    expect(errorAdvice(error('FUTURE_ERROR', 'X')).actor).toBe('plaid support');
  });
});
