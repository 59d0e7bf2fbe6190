import type { PlaidError } from '../schemas/plaid-error';
import { KNOWN_PLAID_ERROR_TYPES } from '../schemas/plaid-error';
import { ownEntry } from '../own-entry';

// Plaid documents each error type on its own page under /docs/errors/ with one anchor per code
// (https://plaid.com/docs/errors/item/#item_login_required). Most page slugs are the type without
// "_ERROR", lower-cased and hyphenated; these two are named differently.
const SLUG_EXCEPTIONS: Record<string, string> = {
  ASSET_REPORT_ERROR: 'assets',
  INCOME_VERIFICATION_ERROR: 'income',
};

export const PLAID_ERRORS_OVERVIEW_URL = 'https://plaid.com/docs/errors/';

export function errorDocsUrl(
  error: Pick<PlaidError, 'error_type' | 'error_code' | 'documentation_url'>,
): string {
  if (error.documentation_url && isPlaidPage(error.documentation_url)) return error.documentation_url;
  const type = error.error_type.toUpperCase();
  if (!(KNOWN_PLAID_ERROR_TYPES as readonly string[]).includes(type)) return PLAID_ERRORS_OVERVIEW_URL;
  const slug =
    ownEntry(SLUG_EXCEPTIONS, type) ??
    type
      .replace(/_ERROR$/, '')
      .toLowerCase()
      .replace(/_/g, '-');
  return `${PLAID_ERRORS_OVERVIEW_URL}${slug}/#${error.error_code.toLowerCase()}`;
}

// The answer is Plaid's to give but passes through our server and anything in between: a link
// offered as Plaid's documentation goes to plaid.com only, over https.
function isPlaidPage(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && (hostname === 'plaid.com' || hostname.endsWith('.plaid.com'));
  } catch {
    return false;
  }
}
