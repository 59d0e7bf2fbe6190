import type { LinkTokenMetadata } from '../schemas/link-token-get-response';

// A small fixed table of Plaid's documented product coverage (plaid.com/docs, each product's
// "Coverage" or introduction), enough to spot a configuration that cannot work without asking
// Plaid: a product no bank in the token's countries offers, or a required product that leaves
// few banks to choose from.

const EUROPE = [
  'GB',
  'IE',
  'FR',
  'ES',
  'NL',
  'DE',
  'IT',
  'PL',
  'DK',
  'NO',
  'SE',
  'EE',
  'LT',
  'LV',
  'PT',
  'BE',
  'AT',
  'FI',
];

// Products offered only in some countries, with those countries and how to say them.
const PRODUCT_COUNTRIES: Readonly<Record<string, { countries: readonly string[]; where: string }>> = {
  payment_initiation: { countries: EUROPE, where: 'the UK and Europe' },
  standing_orders: { countries: ['GB'], where: 'the UK' },
  transfer: { countries: ['US'], where: 'the US' },
  signal: { countries: ['US'], where: 'the US' },
  income_verification: { countries: ['US'], where: 'the US' },
  employment: { countries: ['US'], where: 'the US' },
  layer: { countries: ['US'], where: 'the US' },
  cra_base_report: { countries: ['US'], where: 'the US' },
  cra_income_insights: { countries: ['US'], where: 'the US' },
  cra_partner_insights: { countries: ['US'], where: 'the US' },
  cra_network_insights: { countries: ['US'], where: 'the US' },
  cra_cashflow_insights: { countries: ['US'], where: 'the US' },
};

// Products far fewer banks support than transactions or auth: required alongside others, they
// decide which banks Link offers.
export const NARROWING_PRODUCTS: readonly string[] = [
  'investments',
  'liabilities',
  'statements',
  'employment',
  'income_verification',
  'payment_initiation',
];

// A required product none of the token's countries offers.
export interface CountryConflict {
  product: string;
  where: string;
}

export function countryConflicts(metadata: LinkTokenMetadata): CountryConflict[] {
  return metadata.initial_products.flatMap((product) => {
    const coverage = Object.hasOwn(PRODUCT_COUNTRIES, product) ? PRODUCT_COUNTRIES[product] : undefined;
    if (!coverage || metadata.country_codes.some((country) => coverage.countries.includes(country)))
      return [];
    return [{ product, where: coverage.where }];
  });
}

// "payment_initiation (offered only in the UK and Europe)".
export function conflictsText(conflicts: readonly CountryConflict[]): string {
  return conflicts.map((conflict) => `${conflict.product} (offered only in ${conflict.where})`).join(', ');
}

// The required products that narrow the banks, when there are several products to satisfy at once.
export function narrowingProducts(metadata: LinkTokenMetadata): string[] {
  if (metadata.initial_products.length < 2) return [];
  return metadata.initial_products.filter((product) => NARROWING_PRODUCTS.includes(product));
}
