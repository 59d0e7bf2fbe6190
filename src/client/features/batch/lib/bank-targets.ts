import type { InstitutionScope } from '../../../api/get-institution';
import { checkLinkToken } from '../../../../shared/link-token';
import { DEFAULT_COUNTRY_CODES } from '../../../../shared/schemas/institutions-get-by-id-request';
import type { BatchRow } from './batch-row';

// What the batch asks Plaid about one institution group's health: the institution's id, with the
// environment, countries and credentials of a token whose session reached it.
export type BankTarget = { institutionId: string; scope: InstitutionScope };

// The batch run the answers came from ("batch-2") and its shared credentials (null: the
// server's own), as for a single lookup.
export type BatchRunLookup = { id: string; credentials: InstitutionScope['credentials'] };

// One target per institution group, keyed by the name the Institution counts show. A Production
// token wins over a Sandbox one: Plaid reports health in Production only, so a group with any
// Production token gets its health asked. Countries are that token's metadata.country_codes, else
// US, as for a single lookup; one target per group means one health request per bank, however
// many tokens reached it.
export function bankTargets(rows: readonly BatchRow[], run: BatchRunLookup): Map<string, BankTarget> {
  const targets = new Map<string, BankTarget>();
  for (const row of rows) {
    // Only an answered token's session names an institution.
    if (row.institution === null || row.institutionId === null) continue;
    const token = checkLinkToken(row.token);
    if (!token.ok) continue;
    const known = targets.get(row.institution);
    if (known && (known.scope.environment === 'production' || token.environment === 'sandbox')) continue;
    const countries = row.countryCodes;
    targets.set(row.institution, {
      institutionId: row.institutionId,
      scope: {
        lookupKey: run.id,
        environment: token.environment,
        countryCodes: countries.length > 0 ? countries : DEFAULT_COUNTRY_CODES,
        credentials: run.credentials,
      },
    });
  }
  return targets;
}
