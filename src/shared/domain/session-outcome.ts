import type { LinkSession, LinkSessionExit, LinkSessionResults } from '../schemas/link-token-get-response';

// What an empty session list means: Plaid keeps session data for six hours after a session ends.
export const NO_SESSIONS_MESSAGE =
  'No Link sessions: Link was never opened with this token, or its sessions ended more than six hours ago (Plaid keeps session data for six hours).';

// `on_exit` is deprecated in favour of `exit`; it only speaks when `exit` is absent.
export function sessionExit(session: LinkSession): LinkSessionExit {
  return session.exit !== undefined ? session.exit : (session.on_exit ?? null);
}

// Whether the session produced anything (an Item, income, a CRA report): the diagnosis reads this as
// Linked even when Plaid sent no on_success.
export function hasResults(results: LinkSessionResults | undefined): boolean {
  if (!results) return false;
  return (
    results.item_add_results.length > 0 ||
    results.cra_item_add_results.length > 0 ||
    results.cra_update_results.length > 0 ||
    results.bank_income_results.length > 0 ||
    results.payroll_income_results.length > 0 ||
    results.document_income_results !== null ||
    (results.cra_document_upload_results ?? null) !== null
  );
}
