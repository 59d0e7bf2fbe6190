import type { PlaidEnvironment } from '../../shared/link-token';
import type { InstitutionsGetByIdResponse } from '../../shared/schemas/institutions-get-by-id-response';
import { invalidField, unknownFields, type SimulatorError } from '../errors';
import { checkCredentials, isSimulatorError, readPlaidRequest } from '../plaid-request';
import type { PlannedAnswer } from '../send-fault';
import { findInstitution, type CatalogEntry } from './catalog';
import { invalidInstitution } from './errors';
import { squareLogo } from './logo';

// POST /institutions/get_by_id, checked and answered the way Plaid does: the institution as Plaid
// lists it in this environment, with what the options ask for. Status only ever in Production.

const FIELDS = ['institution_id', 'country_codes', 'options'];
const OPTIONS = [
  'include_optional_metadata',
  'include_status',
  'include_auth_metadata',
  'include_payment_initiation_metadata',
] as const;
type Options = Partial<Record<(typeof OPTIONS)[number], boolean>>;
// The spec's CountryCode enum (a test keeps the two equal), written out so that the running
// simulator does not load the spec.
export const COUNTRY_CODES: readonly string[] = [
  'US',
  'GB',
  'ES',
  'NL',
  'FR',
  'IE',
  'CA',
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

export async function getInstitutionById(
  request: Request,
  requestId: string,
  environment: PlaidEnvironment,
  now: Date,
): Promise<PlannedAnswer> {
  const fail = ({ status, error }: SimulatorError): PlannedAnswer => ({ status, body: error });

  const read = await readPlaidRequest(request, requestId, FIELDS);
  if (isSimulatorError(read)) return fail(read);
  const { institution_id: institutionId, country_codes: countryCodes, options = {} } = read.body;

  if (institutionId !== undefined && (typeof institutionId !== 'string' || institutionId === '')) {
    return fail(invalidField('institution_id must be a non-empty string', requestId));
  }
  if (countryCodes !== undefined && !isCountryCodeList(countryCodes)) {
    const message = `country_codes must be a list of ISO-3166-1 alpha-2 country codes among ${COUNTRY_CODES.join(', ')}`;
    return fail(invalidField(message, requestId));
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return fail(invalidField('options must be an object', requestId));
  }
  const unknownOptions = Object.keys(options).filter((key) => !(OPTIONS as readonly string[]).includes(key));
  if (unknownOptions.length > 0)
    return fail(
      unknownFields(
        unknownOptions.map((key) => `options.${key}`),
        requestId,
      ),
    );
  const notBoolean = Object.entries(options).find(([, value]) => typeof value !== 'boolean');
  if (notBoolean) return fail(invalidField(`options.${notBoolean[0]} must be a boolean`, requestId));

  const missing = [
    ...(institutionId === undefined ? ['institution_id'] : []),
    ...(countryCodes === undefined ? ['country_codes'] : []),
  ];
  const refused = checkCredentials(read, missing, requestId);
  if (refused) return fail(refused);

  const entry = findInstitution(institutionId as string, environment, countryCodes as string[]);
  if (!entry) return fail(invalidInstitution(requestId));
  const body: InstitutionsGetByIdResponse = {
    institution: institutionRecord(entry, environment, options as Options, now),
    request_id: requestId,
  };
  return { status: 200, body };
}

function isCountryCodeList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((code) => typeof code === 'string' && COUNTRY_CODES.includes(code))
  );
}

function institutionRecord(
  entry: CatalogEntry,
  environment: PlaidEnvironment,
  options: Options,
  now: Date,
): InstitutionsGetByIdResponse['institution'] {
  return {
    ...entry.institution,
    products: entry.products,
    country_codes: entry.countryCodes,
    routing_numbers: entry.routingNumbers,
    dtc_numbers: [],
    oauth: entry.oauth,
    ...(options.include_optional_metadata && {
      url: entry.url,
      primary_color: entry.primaryColor,
      logo: entry.hasLogo ? logo(entry.primaryColor) : null,
    }),
    // Plaid reports no status in Sandbox, and null for a bank with too little traffic.
    ...(options.include_status && {
      status: environment === 'production' ? (entry.productionStatus?.(now) ?? null) : null,
    }),
    ...(options.include_auth_metadata && { auth_metadata: null }),
    ...(options.include_payment_initiation_metadata && { payment_initiation_metadata: null }),
  };
}

// A logo is the same for every request: made once per colour.
const logos = new Map<string, string>();
function logo(color: string): string {
  let png = logos.get(color);
  if (png === undefined) {
    png = squareLogo(color);
    logos.set(color, png);
  }
  return png;
}
