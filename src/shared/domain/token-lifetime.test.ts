import { describe, expect, it } from 'vitest';
import { tokenLifetime } from './token-lifetime';

const CREATED = '2026-11-25T10:00:00Z';

describe('tokenLifetime', () => {
  it('reads a 4-hour token as made for a new Item', () => {
    expect(tokenLifetime(CREATED, '2026-11-25T14:00:00Z')).toEqual({
      text: '4 h',
      kind: 'new-item',
      meaning: 'Plaid’s default for linking a new Item',
    });
  });

  it('reads a 30-minute token as update mode or Hosted Link', () => {
    expect(tokenLifetime(CREATED, '2026-11-25T10:30:00Z')).toMatchObject({
      kind: 'update-mode-or-hosted-link',
      meaning: 'Plaid’s default for update mode (an existing Item) or a Hosted Link URL',
    });
  });

  it('reads Link Delivery’s SMS and email defaults', () => {
    expect(tokenLifetime(CREATED, '2026-11-26T10:00:00Z')).toMatchObject({
      kind: 'link-delivery-sms',
      meaning: 'Plaid’s default for Link Delivery by SMS',
    });
    expect(tokenLifetime(CREATED, '2026-12-02T10:00:00Z')).toEqual({
      text: '7 d',
      kind: 'link-delivery-email',
      meaning: 'Plaid’s default for Link Delivery by email',
    });
  });

  it('allows Plaid’s second-precise times to be a few seconds off a default', () => {
    expect(tokenLifetime('2026-11-25T10:00:00.900Z', '2026-11-25T14:00:00Z')?.meaning).toBe(
      'Plaid’s default for linking a new Item',
    );
    expect(tokenLifetime(CREATED, '2026-11-25T14:00:45Z')?.meaning).toBe(
      'Plaid’s default for linking a new Item',
    );
  });

  it('says any other lifetime was chosen when the token was made', () => {
    expect(tokenLifetime(CREATED, '2026-11-25T12:00:00Z')).toEqual({
      text: '2 h',
      kind: 'custom',
      meaning: 'not one of Plaid’s defaults: set when the token was created (Hosted Link)',
    });
  });

  it('has nothing to say without both times, or with an expiry before creation', () => {
    expect(tokenLifetime(null, '2026-11-25T14:00:00Z')).toBeNull();
    expect(tokenLifetime(CREATED, null)).toBeNull();
    expect(tokenLifetime('not a date', '2026-11-25T14:00:00Z')).toBeNull();
    expect(tokenLifetime(CREATED, '2026-11-25T09:00:00Z')).toBeNull();
  });
});
