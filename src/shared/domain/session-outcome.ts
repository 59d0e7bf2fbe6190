import type { LinkSession, LinkSessionExit, LinkSessionResults } from '../schemas/link-token-get-response';

// What happened in one Link session, as an operations user would put it.
export type SessionOutcome = 'succeeded' | 'exited-with-error' | 'in-progress' | 'abandoned';

export const SESSION_OUTCOME_LABELS: Record<SessionOutcome, string> = {
  succeeded: 'Succeeded',
  'exited-with-error': 'Exited with error',
  'in-progress': 'In progress',
  abandoned: 'Abandoned',
};

// What an empty session list means: Plaid keeps session data for six hours after a session ends.
export const NO_SESSIONS_MESSAGE =
  'No Link sessions: Link was never opened with this token, or its sessions ended more than six hours ago (Plaid keeps session data for six hours).';

// `on_exit` is deprecated in favour of `exit`; it only speaks when `exit` is absent.
export function sessionExit(session: LinkSession): LinkSessionExit {
  return session.exit !== undefined ? session.exit : (session.on_exit ?? null);
}

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

export function sessionOutcome(session: LinkSession): SessionOutcome {
  if (session.on_success || hasResults(session.results)) return 'succeeded';
  if (sessionExit(session)?.error) return 'exited-with-error';
  if (!session.finished_at) return 'in-progress';
  return 'abandoned';
}
