import type { PlaidEnvironment } from '../../shared/link-token';
import type { InstitutionStatus, ProductStatus } from '../../shared/schemas/institutions-get-by-id-response';
import {
  CHASE_OAUTH,
  FIRST_PLATYPUS,
  GUSTO_PAYROLL,
  HOUNDSTOOTH_BANK,
  PLATYPUS_OAUTH,
  TARTAN_BANK,
  TARTAN_DOMINION,
  UNHEALTHY_DOWN,
  type Institution,
} from '../scenarios/institutions';
import { addSeconds, HOUR, MINUTE, plaidTime } from '../time';

// Every institution the simulator's scenarios name, as /institutions/get_by_id describes it. Plaid
// lists its test banks (the Platypus family) in Sandbox only and real banks in both environments;
// the fictional banks below stand for Production banks in each state of health. Plaid reports
// status in Production only; its times here are relative to now, like the sessions they explain.

export const WELLS_FARGO: Institution = { name: 'Wells Fargo', institution_id: 'ins_127991' };
export const QUOKKA_CREDIT_UNION: Institution = { name: 'Quokka Credit Union', institution_id: 'ins_135101' };
export const BILBY_SAVINGS_BANK: Institution = { name: 'Bilby Savings Bank', institution_id: 'ins_135102' };
export const WOMBAT_COMMUNITY_BANK: Institution = {
  name: 'Wombat Community Bank',
  institution_id: 'ins_135103',
};
// Named by a production session, but no longer listed by Plaid: /institutions/get_by_id answers
// INVALID_INSTITUTION for it.
export const NUMBAT_FEDERAL_SAVINGS: Institution = {
  name: 'Numbat Federal Savings',
  institution_id: 'ins_135199',
};

export type CatalogEntry = {
  institution: Institution;
  environments: readonly PlaidEnvironment[];
  products: string[];
  countryCodes: string[];
  routingNumbers: string[];
  oauth: boolean;
  url: string;
  primaryColor: string;
  // Not every bank has a logo at Plaid.
  hasLogo: boolean;
  // Production status at `now`; null: too little traffic to report. Absent for Sandbox-only banks.
  productionStatus?: (now: Date) => InstitutionStatus;
};

const BOTH: readonly PlaidEnvironment[] = ['sandbox', 'production'];
const DEPOSITORY_PRODUCTS = ['assets', 'auth', 'balance', 'identity', 'transactions'];

// A product's status as Plaid sends it: the breakdown, since when, and the deprecated status word
// (still required by the spec), worded like the rates.
function product(
  rates: { success: number; institution: number; plaid: number; refresh?: string },
  since: Date,
): NonNullable<ProductStatus> {
  return {
    status: rates.success >= 0.9 ? 'HEALTHY' : rates.success >= 0.1 ? 'DEGRADED' : 'DOWN',
    last_status_change: plaidTime(since),
    breakdown: {
      success: rates.success,
      error_plaid: rates.plaid,
      error_institution: rates.institution,
      ...(rates.refresh && { refresh_interval: rates.refresh }),
    },
  };
}

// A big bank on a good day.
function healthy(now: Date): InstitutionStatus {
  const since = addSeconds(now, -3 * 24 * HOUR);
  return {
    item_logins: product({ success: 0.96, institution: 0.03, plaid: 0.01 }, since),
    transactions_updates: product(
      { success: 0.98, institution: 0.01, plaid: 0.01, refresh: 'NORMAL' },
      since,
    ),
    auth: product({ success: 0.97, institution: 0.02, plaid: 0.01 }, since),
    identity: product({ success: 0.95, institution: 0.04, plaid: 0.01 }, since),
    investments_updates: product({ success: 0.94, institution: 0.05, plaid: 0.01, refresh: 'NORMAL' }, since),
    liabilities_updates: product({ success: 0.97, institution: 0.02, plaid: 0.01, refresh: 'NORMAL' }, since),
    health_incidents: [],
  };
}

export const CATALOG: readonly CatalogEntry[] = [
  {
    institution: FIRST_PLATYPUS,
    environments: ['sandbox'],
    products: [...DEPOSITORY_PRODUCTS, 'income_verification', 'investments', 'liabilities'],
    countryCodes: ['US'],
    routingNumbers: ['011000138', '011200365'],
    oauth: false,
    url: 'https://plaid.com',
    primaryColor: '#0a7d6e',
    hasLogo: true,
  },
  {
    institution: TARTAN_BANK,
    environments: ['sandbox'],
    products: DEPOSITORY_PRODUCTS,
    countryCodes: ['US'],
    routingNumbers: ['011401533', '021000021'],
    oauth: false,
    url: 'https://plaid.com',
    primaryColor: '#a31f34',
    hasLogo: false,
  },
  {
    institution: HOUNDSTOOTH_BANK,
    environments: ['sandbox'],
    products: ['auth', 'balance', 'identity', 'transactions'],
    countryCodes: ['US'],
    routingNumbers: ['011000138', '011200365', '011400495'],
    oauth: false,
    url: 'https://plaid.com',
    primaryColor: '#004966',
    hasLogo: false,
  },
  {
    institution: PLATYPUS_OAUTH,
    environments: ['sandbox'],
    products: DEPOSITORY_PRODUCTS,
    countryCodes: ['US'],
    routingNumbers: ['011000138'],
    oauth: true,
    url: 'https://plaid.com',
    primaryColor: '#0a7d6e',
    hasLogo: true,
  },
  // Link reports its logins down (SELECT_DOWN_INSTITUTION), yet, being in Sandbox, it has no status.
  {
    institution: UNHEALTHY_DOWN,
    environments: ['sandbox'],
    products: DEPOSITORY_PRODUCTS,
    countryCodes: ['US'],
    routingNumbers: ['011000138'],
    oauth: false,
    url: 'https://plaid.com',
    primaryColor: '#7a7a7a',
    hasLogo: false,
  },
  // Canadian only: a lookup for the US alone does not find it.
  {
    institution: TARTAN_DOMINION,
    environments: ['sandbox'],
    products: ['auth', 'balance', 'identity', 'transactions'],
    countryCodes: ['CA'],
    routingNumbers: [],
    oauth: false,
    url: 'https://plaid.com',
    primaryColor: '#a31f34',
    hasLogo: false,
  },
  {
    institution: CHASE_OAUTH,
    environments: BOTH,
    products: [...DEPOSITORY_PRODUCTS, 'investments', 'liabilities'],
    countryCodes: ['US'],
    routingNumbers: ['021000021', '044000037'],
    oauth: true,
    url: 'https://www.chase.com',
    primaryColor: '#117aca',
    hasLogo: true,
    productionStatus: healthy,
  },
  {
    institution: GUSTO_PAYROLL,
    environments: BOTH,
    products: ['employment', 'income_verification'],
    countryCodes: ['US'],
    routingNumbers: [],
    oauth: false,
    url: 'https://gusto.com',
    primaryColor: '#f45d48',
    hasLogo: false,
    productionStatus: (now) => ({
      item_logins: product({ success: 0.93, institution: 0.05, plaid: 0.02 }, addSeconds(now, -9 * HOUR)),
      health_incidents: [],
    }),
  },
  {
    institution: WELLS_FARGO,
    environments: BOTH,
    products: [...DEPOSITORY_PRODUCTS, 'investments', 'liabilities'],
    countryCodes: ['US'],
    routingNumbers: ['121000248', '102000076'],
    oauth: true,
    url: 'https://www.wellsfargo.com',
    primaryColor: '#d71e28',
    hasLogo: true,
    productionStatus: healthy,
  },
  // Down: logins have been failing for most of an hour, at the bank's end. The incident began
  // before the failed session of the bank-down scenario (40 minutes ago); Plaid's status
  // caught up only after it.
  {
    institution: QUOKKA_CREDIT_UNION,
    environments: ['production'],
    products: DEPOSITORY_PRODUCTS,
    countryCodes: ['US'],
    routingNumbers: ['322271627'],
    oauth: false,
    url: 'https://www.quokka-cu.example',
    primaryColor: '#8a5a2b',
    hasLogo: true,
    productionStatus: (now) => {
      const since = addSeconds(now, -30 * MINUTE);
      return {
        item_logins: product({ success: 0.04, institution: 0.94, plaid: 0.02 }, since),
        transactions_updates: product(
          { success: 0.35, institution: 0.63, plaid: 0.02, refresh: 'DELAYED' },
          addSeconds(now, -45 * MINUTE),
        ),
        auth: product({ success: 0.05, institution: 0.93, plaid: 0.02 }, since),
        identity: product({ success: 0.06, institution: 0.92, plaid: 0.02 }, since),
        health_incidents: [
          {
            start_date: plaidTime(addSeconds(now, -55 * MINUTE)),
            end_date: null,
            title: 'Quokka Credit Union: logins and updates failing',
            incident_updates: [
              {
                description:
                  "Quokka Credit Union's systems are returning errors; Plaid is working with the institution to restore service.",
                status: 'IDENTIFIED',
                updated_date: plaidTime(addSeconds(now, -20 * MINUTE)),
              },
              {
                description: 'We are investigating elevated login errors at Quokka Credit Union.',
                status: 'INVESTIGATING',
                updated_date: plaidTime(addSeconds(now, -50 * MINUTE)),
              },
            ],
          },
        ],
      };
    },
  },
  // Degraded: about a third of logins fail, for two hours now. Its last incident, yesterday's
  // maintenance, is over.
  {
    institution: BILBY_SAVINGS_BANK,
    environments: ['production'],
    products: DEPOSITORY_PRODUCTS,
    countryCodes: ['US'],
    routingNumbers: ['091000019', '091000022'],
    oauth: false,
    url: 'https://www.bilby-savings.example',
    primaryColor: '#5b6abf',
    hasLogo: false,
    productionStatus: (now) => {
      const since = addSeconds(now, -2 * HOUR);
      return {
        item_logins: product({ success: 0.64, institution: 0.33, plaid: 0.03 }, since),
        transactions_updates: product(
          { success: 0.91, institution: 0.07, plaid: 0.02, refresh: 'NORMAL' },
          addSeconds(now, -6 * 24 * HOUR),
        ),
        auth: product({ success: 0.71, institution: 0.26, plaid: 0.03 }, since),
        identity: null,
        health_incidents: [
          {
            start_date: plaidTime(addSeconds(now, -26 * HOUR)),
            end_date: plaidTime(addSeconds(now, -24 * HOUR)),
            title: 'Bilby Savings Bank: scheduled maintenance',
            incident_updates: [
              {
                description:
                  'Bilby Savings Bank plans maintenance; logins will be unavailable for about two hours.',
                status: 'SCHEDULED',
                updated_date: plaidTime(addSeconds(now, -30 * HOUR)),
              },
              {
                description: 'The maintenance is over and logins work again.',
                status: 'RESOLVED',
                updated_date: plaidTime(addSeconds(now, -24 * HOUR)),
              },
            ],
          },
        ],
      };
    },
  },
  // A small bank: too little traffic for Plaid to report any status.
  {
    institution: WOMBAT_COMMUNITY_BANK,
    environments: ['production'],
    products: ['auth', 'balance', 'transactions'],
    countryCodes: ['US'],
    routingNumbers: ['104907761'],
    oauth: false,
    url: 'https://www.wombat-community.example',
    primaryColor: '#6b8e23',
    hasLogo: false,
    productionStatus: () => null,
  },
];

// Plaid answers for an institution it lists in this environment and in one of these countries.
export function findInstitution(
  institutionId: string,
  environment: PlaidEnvironment,
  countryCodes: readonly string[],
): CatalogEntry | undefined {
  return CATALOG.find(
    (entry) =>
      entry.institution.institution_id === institutionId &&
      entry.environments.includes(environment) &&
      entry.countryCodes.some((code) => countryCodes.includes(code)),
  );
}
