import type { LinkTokenMetadata } from '../../shared/schemas/link-token-get-response';

// The configuration most fixtures were "created" with: a typical transactions integration.
// Scenarios override the fields their story is about.
export function tokenMetadata(overrides: Partial<LinkTokenMetadata> = {}): LinkTokenMetadata {
  return {
    initial_products: ['transactions'],
    webhook: 'https://example.com/plaid/webhook',
    country_codes: ['US'],
    language: 'en',
    account_filters: {
      depository: { account_subtypes: ['checking', 'savings'] },
      credit: { account_subtypes: ['credit card'] },
    },
    redirect_uri: null,
    client_name: 'Acme Budgeting',
    ...overrides,
  };
}
