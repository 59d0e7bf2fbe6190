import { describe, expect, it } from 'vitest';
import { errorDocsUrl, PLAID_ERRORS_OVERVIEW_URL } from './error-docs';

describe('errorDocsUrl', () => {
  it('prefers the documentation_url Plaid sends', () => {
    const url = 'https://plaid.com/docs/errors/item/#item_login_required';
    expect(errorDocsUrl({ error_type: 'ITEM_ERROR', error_code: 'X', documentation_url: url })).toBe(url);
  });

  it('builds the page per type and the anchor per code, as Plaid lays out its docs', () => {
    expect(errorDocsUrl({ error_type: 'INVALID_INPUT', error_code: 'INVALID_LINK_TOKEN' })).toBe(
      'https://plaid.com/docs/errors/invalid-input/#invalid_link_token',
    );
    expect(errorDocsUrl({ error_type: 'ITEM_ERROR', error_code: 'INVALID_CREDENTIALS' })).toBe(
      'https://plaid.com/docs/errors/item/#invalid_credentials',
    );
    expect(errorDocsUrl({ error_type: 'INSTITUTION_ERROR', error_code: 'INSTITUTION_DOWN' })).toBe(
      'https://plaid.com/docs/errors/institution/#institution_down',
    );
    expect(errorDocsUrl({ error_type: 'RATE_LIMIT_EXCEEDED', error_code: 'RATE_LIMIT' })).toBe(
      'https://plaid.com/docs/errors/rate-limit-exceeded/#rate_limit',
    );
    expect(errorDocsUrl({ error_type: 'ASSET_REPORT_ERROR', error_code: 'PRODUCT_NOT_ENABLED' })).toBe(
      'https://plaid.com/docs/errors/assets/#product_not_enabled',
    );
  });

  it('links only to plaid.com, whatever documentation_url an answer names', () => {
    for (const documentation_url of [
      'https://evil.example/docs/errors/item/',
      'https://plaid.com.evil.example/docs/errors/',
      'https://evil.example/?https://plaid.com/docs/',
      'https://plaid.com@evil.example/docs/',
      'http://plaid.com/docs/errors/item/',
    ]) {
      expect(errorDocsUrl({ error_type: 'ITEM_ERROR', error_code: 'X', documentation_url })).toBe(
        'https://plaid.com/docs/errors/item/#x',
      );
    }
    const onPlaid = 'https://www.plaid.com/docs/errors/item/#x';
    expect(errorDocsUrl({ error_type: 'ITEM_ERROR', error_code: 'X', documentation_url: onPlaid })).toBe(
      onPlaid,
    );
  });

  it('falls back to the errors overview for types Plaid does not document (yet) and ignores non-https URLs', () => {
    expect(errorDocsUrl({ error_type: 'BRAND_NEW_ERROR', error_code: 'X' })).toBe(PLAID_ERRORS_OVERVIEW_URL);
    expect(errorDocsUrl({ error_type: '', error_code: 'oauth-error' })).toBe(PLAID_ERRORS_OVERVIEW_URL);
    expect(
      errorDocsUrl({ error_type: 'ITEM_ERROR', error_code: 'X', documentation_url: 'javascript:alert(1)' }),
    ).toBe('https://plaid.com/docs/errors/item/#x');
  });
});
