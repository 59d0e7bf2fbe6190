import type { PlaidEnvironment } from '../link-token';
import {
  ProductStatusSchema,
  type HealthIncident,
  type InstitutionDetails,
  type ProductStatus,
} from '../schemas/institutions-get-by-id-response';
import { ownEntry } from '../own-entry';
import { parseDate } from './format-time';
import type { StatusTone } from './status-tone';

// Reads Plaid's /institutions/get_by_id answer into what a support engineer asks first when a
// session failed at a bank: how is the bank doing (diagnosis/bank-health.ts judges that against
// the session's time). Health comes from each product's `breakdown` (the `status` word is
// deprecated) and `last_status_change`, and from the bank's health incidents. Plaid reports health
// in Production only, and not for banks with too little traffic to measure.

// --- Health of one product -------------------------------------------------------------------

export type HealthLevel = 'healthy' | 'degraded' | 'down';

export const HEALTH_LEVEL_LABELS: Record<HealthLevel, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  down: 'Down',
};

export const HEALTH_LEVEL_TONES: Record<HealthLevel, StatusTone> = {
  healthy: 'success',
  degraded: 'warning',
  down: 'failure',
};

// Plaid publishes no thresholds for its breakdown. Its deprecated status words read HEALTHY "the
// majority of requests are successful", DEGRADED "only some", DOWN "all are failing"; for a
// support case a bank where one login in five fails is not healthy, hence these.
export const HEALTHY_FROM_SUCCESS = 0.9;
export const DOWN_BELOW_SUCCESS = 0.1;

export function healthLevel(successRate: number): HealthLevel {
  if (successRate >= HEALTHY_FROM_SUCCESS) return 'healthy';
  if (successRate < DOWN_BELOW_SUCCESS) return 'down';
  return 'degraded';
}

// Fractions of Plaid's recent attempts (they sum to 1): errors on the bank's side and on Plaid's
// side are told apart, which says whom a fix is waiting for.
export type HealthRates = { success: number; errorInstitution: number; errorPlaid: number };

export type ProductHealth = { product: string; label: string } & (
  | {
      kind: 'reported';
      level: HealthLevel;
      rates: HealthRates;
      // When the level last changed (last_status_change); null if Plaid's date does not parse.
      since: Date | null;
      // NORMAL, DELAYED, STOPPED (or a newer word): only for the *_updates products.
      refreshInterval: string | null;
    }
  // Plaid sent null: too little traffic at this bank to measure this product.
  | { kind: 'not-enough-traffic' }
);

// Plaid's product keys in the order of its spec; a product Plaid adds later is labelled from its
// key and listed after these.
export const PRODUCT_STATUS_LABELS: Record<string, string> = {
  item_logins: 'Item logins',
  transactions_updates: 'Transactions updates',
  auth: 'Auth',
  identity: 'Identity',
  investments_updates: 'Investments updates',
  liabilities_updates: 'Liabilities updates',
  liabilities: 'Liabilities',
  investments: 'Investments',
};

export function productLabel(product: string): string {
  const known = ownEntry(PRODUCT_STATUS_LABELS, product);
  if (known) return known;
  const words = product.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function productHealth(product: string, status: NonNullable<ProductStatus> | null): ProductHealth {
  const label = productLabel(product);
  if (status === null) return { product, label, kind: 'not-enough-traffic' };
  const { breakdown } = status;
  return {
    product,
    label,
    kind: 'reported',
    level: healthLevel(breakdown.success),
    rates: {
      success: breakdown.success,
      errorInstitution: breakdown.error_institution,
      errorPlaid: breakdown.error_plaid,
    },
    since: parseDate(status.last_status_change),
    refreshInterval: breakdown.refresh_interval ?? null,
  };
}

// "97%", with "<1%" and ">99%" so that a rate that is not zero (or not total) never reads as one.
export function formatRate(fraction: number): string {
  const percent = Math.round(fraction * 100);
  if (percent === 0 && fraction > 0) return '<1%';
  if (percent === 100 && fraction < 1) return '>99%';
  return `${percent}%`;
}

// "62% succeed; 35% fail at the bank, 3% at Plaid".
export function describeRates(rates: HealthRates): string {
  return `${formatRate(rates.success)} succeed; ${formatRate(rates.errorInstitution)} fail at the bank, ${formatRate(rates.errorPlaid)} at Plaid`;
}

// --- Health incidents ------------------------------------------------------------------------

export type IncidentSummary = {
  title: string;
  start: Date;
  // null: still going on.
  end: Date | null;
  // The most recent update, if Plaid posted any.
  latestUpdate: { status: string | null; description: string | null; at: Date | null } | null;
};

export const INCIDENT_STATUS_LABELS: Record<string, string> = {
  INVESTIGATING: 'Investigating',
  IDENTIFIED: 'Identified',
  SCHEDULED: 'Scheduled maintenance',
  RESOLVED: 'Resolved',
  UNKNOWN: 'Unknown',
};

// A status Plaid adds later is shown as Plaid wrote it.
export function incidentStatusLabel(status: string): string {
  return ownEntry(INCIDENT_STATUS_LABELS, status) ?? status;
}

// null when Plaid's start date does not parse: an incident that cannot be placed in time.
function incidentSummary(incident: HealthIncident): IncidentSummary | null {
  const start = parseDate(incident.start_date);
  if (!start) return null;
  const updates = incident.incident_updates.map((update) => ({
    status: update.status ?? null,
    description: update.description ?? null,
    at: parseDate(update.updated_date),
  }));
  // Plaid does not say in which order it lists updates: the latest dated one, else the last.
  const dated = updates.filter((update) => update.at !== null);
  const latestUpdate =
    dated.length > 0
      ? dated.reduce((latest, update) => (update.at!.getTime() > latest.at!.getTime() ? update : latest))
      : (updates.at(-1) ?? null);
  return { title: incident.title, start, end: parseDate(incident.end_date), latestUpdate };
}

// --- The institution's health ----------------------------------------------------------------

export type InstitutionHealth =
  // Plaid reports no institution health in Sandbox: nothing to read, whatever the answer holds.
  | { kind: 'sandbox' }
  // Plaid sent status null: too little traffic at this bank to report its health.
  | { kind: 'not-enough-traffic' }
  | {
      kind: 'reported';
      // Whether users can add Items at this bank: what a failed Link session is about.
      itemLogins: ProductHealth;
      // Every other product Plaid reported, for a details view.
      products: ProductHealth[];
      // Newest first.
      incidents: IncidentSummary[];
    };

export const INSTITUTION_HEALTH_MESSAGES: Record<'sandbox' | 'not-enough-traffic', string> = {
  sandbox: 'Sandbox: Plaid reports no institution health outside Production.',
  'not-enough-traffic':
    'Not enough traffic to report: Plaid sees too few logins at this institution to measure its health.',
};

export function institutionHealth(
  institution: InstitutionDetails,
  environment: PlaidEnvironment,
): InstitutionHealth {
  if (environment === 'sandbox') return { kind: 'sandbox' };
  // This server always asks for the status, so an answer without one is read like status null.
  const status = institution.status ?? null;
  if (status === null) return { kind: 'not-enough-traffic' };

  const products: ProductHealth[] = [];
  const ordered = [
    ...Object.keys(PRODUCT_STATUS_LABELS),
    ...Object.keys(status)
      .filter((key) => !Object.hasOwn(PRODUCT_STATUS_LABELS, key))
      .sort(),
  ];
  for (const product of ordered) {
    if (product === 'item_logins' || product === 'health_incidents' || !Object.hasOwn(status, product))
      continue;
    // A key Plaid adds later counts as a product only if it reads as one.
    const parsed = ProductStatusSchema.safeParse(status[product]);
    if (parsed.success && (parsed.data !== null || Object.hasOwn(PRODUCT_STATUS_LABELS, product))) {
      products.push(productHealth(product, parsed.data));
    }
  }
  const incidents = (status.health_incidents ?? [])
    .map(incidentSummary)
    .filter((incident) => incident !== null)
    .sort((a, b) => b.start.getTime() - a.start.getTime());
  return {
    kind: 'reported',
    itemLogins: productHealth('item_logins', status.item_logins ?? null),
    products,
    incidents,
  };
}
