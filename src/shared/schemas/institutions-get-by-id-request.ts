import { z } from 'zod';
import { PLAID_ENVIRONMENTS } from '../link-token';
import { NOT_PRINTABLE_ASCII, PRINTABLE_ASCII } from './link-token-get-request';

// POST /api/institutions/get_by_id: our API's request, from which the server builds Plaid's
// InstitutionsGetByIdRequest. The environment is the token's (Plaid reports institution health in
// Production only); country_codes are the token's metadata.country_codes. Credentials, as for the
// token lookup, are optional but come as a pair.

// Plaid's own default before API version 2020-09-14 made country_codes required.
export const DEFAULT_COUNTRY_CODES = ['US'];

// Plaid's institution ids read "ins_" and a number (ins_109508); the rest of the rule only keeps
// any other text from reaching Plaid or the cache.
const INSTITUTION_ID = /^ins_[A-Za-z0-9]{1,32}$/;
// ISO 3166-1 alpha-2. Plaid adds countries over time, so any two letters pass here; Plaid itself
// rejects one it does not serve.
const COUNTRY_CODE = /^[A-Z]{2}$/;
const MAX_COUNTRY_CODES = 30;

// Each field's rule in one sentence, used for every way the field can be wrong (missing, wrong
// type, wrong form), so that a refusal always says what is expected.
const ID_RULE = 'institution_id reads ins_ followed by its number, e.g. ins_109508.';
const ENVIRONMENT_RULE = 'environment must be sandbox or production.';
const COUNTRY_CODES_RULE = 'country_codes is a list of two-letter ISO 3166-1 codes such as ["US", "GB"].';

// As for a token lookup: credentials travel to Plaid in headers (see link-token-get-request.ts).
const credential = (field: string) => {
  const rule = `${field} must be a non-empty string.`;
  return z
    .string({ error: rule })
    .trim()
    .min(1, rule)
    .regex(PRINTABLE_ASCII, `${field} ${NOT_PRINTABLE_ASCII}.`)
    .optional();
};

export const InstitutionsGetByIdRequestSchema = z
  .object({
    institution_id: z.string({ error: ID_RULE }).trim().regex(INSTITUTION_ID, ID_RULE),
    environment: z.enum(PLAID_ENVIRONMENTS, { error: ENVIRONMENT_RULE }),
    country_codes: z
      .array(
        z.string({ error: COUNTRY_CODES_RULE }).trim().toUpperCase().regex(COUNTRY_CODE, COUNTRY_CODES_RULE),
        {
          error: COUNTRY_CODES_RULE,
        },
      )
      .max(MAX_COUNTRY_CODES, `country_codes lists at most ${MAX_COUNTRY_CODES} countries.`)
      .optional()
      // One order and no repeats, so the same question is always asked (and cached) the same way.
      .transform((codes) => (codes?.length ? [...new Set(codes)].sort() : DEFAULT_COUNTRY_CODES)),
    client_id: credential('client_id'),
    secret: credential('secret'),
  })
  .refine((body) => (body.client_id === undefined) === (body.secret === undefined), {
    message: 'Give both client_id and secret, or neither.',
    path: ['secret'],
  });
// What a caller sends, and what the server works with once it is read.
export type InstitutionsGetByIdRequest = z.input<typeof InstitutionsGetByIdRequestSchema>;
export type InstitutionLookup = z.output<typeof InstitutionsGetByIdRequestSchema>;
