import {
  describeRates,
  HEALTH_LEVEL_LABELS,
  institutionHealth,
  INSTITUTION_HEALTH_MESSAGES,
  type ProductHealth,
} from '../../shared/domain/institution-health';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { InstitutionDetails } from '../../shared/schemas/institutions-get-by-id-response';
import type { InstitutionHealthResult } from './tool-schemas';

// An institution's health as institution_health returns it: Plaid's /institutions/get_by_id read by
// the page's institutionHealth() (shared/domain/institution-health.ts).

export function institutionReport(
  institution: InstitutionDetails,
  environment: PlaidEnvironment,
  now: number,
): InstitutionHealthResult {
  const health = institutionHealth(institution, environment);
  const common = {
    institution_id: institution.institution_id,
    name: institution.name,
    environment,
    checked_at: new Date(now).toISOString(),
  };
  if (health.kind !== 'reported') {
    return {
      ...common,
      health: health.kind,
      summary: INSTITUTION_HEALTH_MESSAGES[health.kind],
      item_logins: null,
      products: [],
      incidents: [],
    };
  }
  return {
    ...common,
    health: 'reported',
    summary: `Item logins: ${productSummary(health.itemLogins)}`,
    item_logins: productLine(health.itemLogins),
    products: health.products.map(productLine),
    incidents: health.incidents.map((incident) => ({
      title: incident.title,
      start: incident.start.toISOString(),
      end: incident.end?.toISOString() ?? null,
      latest_update: incident.latestUpdate?.description ?? incident.latestUpdate?.status ?? null,
    })),
  };
}

function productLine(product: ProductHealth): InstitutionHealthResult['products'][number] {
  if (product.kind === 'not-enough-traffic') {
    return { product: product.product, label: product.label, level: null, rates: null, since: null };
  }
  const { rates } = product;
  return {
    product: product.product,
    label: product.label,
    level: product.level,
    rates: {
      success: rates.success,
      error_institution: rates.errorInstitution,
      error_plaid: rates.errorPlaid,
      summary: describeRates(rates),
    },
    since: product.since?.toISOString() ?? null,
  };
}

function productSummary(product: ProductHealth): string {
  if (product.kind === 'not-enough-traffic') return INSTITUTION_HEALTH_MESSAGES['not-enough-traffic'];
  return `${HEALTH_LEVEL_LABELS[product.level]} (${describeRates(product.rates)}).`;
}

// The short text an assistant reads beside the structured content.
export function institutionReportText(report: InstitutionHealthResult): string {
  const ongoing = report.incidents.filter((incident) => incident.end === null);
  return [
    `${report.name} (${report.institution_id}), ${report.environment}: ${report.summary}`,
    ...ongoing.map((incident) => `Ongoing incident since ${incident.start}: ${incident.title}`),
  ].join('\n');
}
