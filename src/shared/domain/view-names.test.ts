import { describe, expect, it } from 'vitest';
import { describeView } from './view-names';

describe('describeView', () => {
  it('names a known screen in words, keeping Plaid’s name beside it', () => {
    expect(describeView('CREDENTIAL')).toBe('the bank’s sign-in form (CREDENTIAL)');
    expect(describeView('SELECT_INSTITUTION')).toBe('the bank search (SELECT_INSTITUTION)');
  });

  it('puts one name in brackets, never two', () => {
    expect(describeView('MFA')).toBe('the bank’s security check (MFA)');
    expect(describeView('OAUTH')).toBe('the hand-over to the bank’s own sign-in (OAUTH)');
    expect(describeView('KYC_CHECK')).toBe('the identity check (KYC_CHECK)');
  });

  it('shows a view Plaid added after us exactly as sent', () => {
    expect(describeView('HOLOGRAM_CONSENT')).toBe('HOLOGRAM_CONSENT');
  });
});
