import type {
  HealthIncident,
  InstitutionDetails,
  InstitutionStatus,
  ProductStatus,
} from '../schemas/institutions-get-by-id-response';

// Small builders for schema-valid /institutions/get_by_id answers: each test states only the
// health it is about.

export function productStatus(
  success: number,
  lastStatusChange: string,
  errors: { institution?: number; plaid?: number } = {},
): NonNullable<ProductStatus> {
  const errorPlaid = errors.plaid ?? 0;
  return {
    status: success >= 0.9 ? 'HEALTHY' : success > 0.1 ? 'DEGRADED' : 'DOWN',
    last_status_change: lastStatusChange,
    breakdown: {
      success,
      error_plaid: errorPlaid,
      error_institution: errors.institution ?? 1 - success - errorPlaid,
    },
  };
}

export function incident(
  title: string,
  start: string,
  end: string | null,
  updates: HealthIncident['incident_updates'] = [],
): HealthIncident {
  return { title, start_date: start, end_date: end, incident_updates: updates };
}

export function makeInstitution(status?: InstitutionStatus): InstitutionDetails {
  return {
    institution_id: 'ins_135101',
    name: 'Quokka Credit Union',
    products: ['auth', 'balance', 'identity', 'transactions'],
    country_codes: ['US'],
    routing_numbers: ['021000021'],
    oauth: false,
    url: 'https://quokka.example',
    primary_color: '#8a5a2b',
    logo: null,
    ...(status !== undefined && { status }),
  };
}
