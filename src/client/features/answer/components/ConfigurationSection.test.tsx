import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../../../../shared/test/fixtures';
import { ConfigurationSection } from './ConfigurationSection';

function value(label: string): HTMLElement {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
}

describe('ConfigurationSection', () => {
  it('shows every metadata field the token was created with', () => {
    const { metadata } = makeResponse({
      metadata: {
        client_name: 'Acme Budget',
        initial_products: ['auth', 'transactions'],
        country_codes: ['US', 'CA'],
        language: 'fr',
        webhook: 'https://example.com/hook',
        redirect_uri: 'https://example.com/oauth',
        account_filters: {
          depository: { account_subtypes: ['checking', 'savings'] },
          credit: { account_subtypes: ['credit card'], limited_purpose_types: ['hsa'] },
        },
        institution_data: { routing_number: '011000138' },
      },
    });
    render(<ConfigurationSection metadata={metadata} />);
    expect(value('Client name')).toHaveTextContent('Acme Budget');
    expect(
      within(value('Products'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['auth', 'transactions']);
    expect(value('Country codes')).toHaveTextContent('USCA');
    expect(value('Language')).toHaveTextContent('fr');
    expect(value('Webhook')).toHaveTextContent('https://example.com/hook');
    expect(value('Redirect URI')).toHaveTextContent('https://example.com/oauth');
    const filters = within(value('Account filters')).getAllByRole('listitem');
    expect(filters[0]).toHaveTextContent('depository: checking, savings');
    expect(filters[1]).toHaveTextContent('credit: credit card (limited purpose: hsa)');
    expect(value('Institution routing number')).toHaveTextContent('011000138');
  });

  it('says which fields are empty rather than leaving gaps', () => {
    const { metadata } = makeResponse({
      metadata: {
        client_name: null,
        initial_products: [],
        country_codes: [],
        language: null,
        webhook: null,
        redirect_uri: null,
      },
    });
    render(<ConfigurationSection metadata={metadata} />);
    expect(value('Client name')).toHaveTextContent('not set');
    expect(value('Products')).toHaveTextContent('none');
    expect(value('Country codes')).toHaveTextContent('none');
    expect(value('Language')).toHaveTextContent('not set');
    expect(value('Webhook')).toHaveTextContent('not set');
    expect(value('Redirect URI')).toHaveTextContent('not set');
    expect(value('Account filters')).toHaveTextContent('none: every account type is allowed');
    expect(value('Institution routing number')).toHaveTextContent('not set');
  });

  it('shows metadata fields and filter types the UI does not know', () => {
    const { metadata } = makeResponse({
      metadata: {
        client_name: 'Acme',
        initial_products: ['auth'],
        country_codes: ['US'],
        language: 'en',
        webhook: null,
        redirect_uri: null,
        account_filters: { other: { account_subtypes: ['all'], future_flag: true } },
        ...{ hosted_link: { delivery_method: 'sms' } },
      },
    });
    render(<ConfigurationSection metadata={metadata} />);
    expect(screen.getByText('hosted_link')).toBeInTheDocument();
    expect(screen.getByText('delivery_method')).toBeInTheDocument();
    expect(screen.getByText('sms')).toBeInTheDocument();
    expect(value('Account filters')).toHaveTextContent('other: all');
    expect(screen.getByText('future_flag')).toBeInTheDocument();
  });
});
