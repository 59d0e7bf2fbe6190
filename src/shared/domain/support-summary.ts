import type { LinkSession, LinkTokenGetResponse } from '../schemas/link-token-get-response';
import { formatUtc, parseDate } from './format-time';
import { sessionInstitution } from './institution';
import { eventsInTimeOrder, sessionsNewestFirst } from './ordering';
import { NO_SESSIONS_MESSAGE, SESSION_OUTCOME_LABELS, sessionExit, sessionOutcome } from './session-outcome';
import { tokenLifetime } from './token-lifetime';
import { describeTimeLeft, TOKEN_STATUS_LABELS, tokenStatus } from './token-status';

// A lookup as plain text, for a support ticket or a message to Plaid support: the IDs Plaid asks
// for (request IDs, link_session_id), each session's outcome and error codes, times in UTC.
// Public tokens are left out on purpose: for 30 minutes one can be exchanged for an access token.

function utc(value: string | null | undefined): string {
  const date = parseDate(value);
  return date ? formatUtc(date) : 'not given';
}

function resultCounts(session: LinkSession): string | null {
  const results = session.results;
  if (!results) return null;
  const counts = Object.entries(results).flatMap(([key, value]) => {
    if (Array.isArray(value)) return value.length > 0 ? [`${key} (${value.length})`] : [];
    return value !== null && value !== undefined ? [key] : [];
  });
  return counts.length > 0 ? counts.join(', ') : null;
}

function sessionLines(session: LinkSession, index: number, total: number): string[] {
  const outcome = sessionOutcome(session);
  const exit = sessionExit(session);
  const error = exit?.error;
  const lines = [
    `Session ${index + 1} of ${total}: ${session.link_session_id}`,
    `  Outcome: ${SESSION_OUTCOME_LABELS[outcome]}${error ? `: ${error.error_type} / ${error.error_code}` : ''}`,
    `  Started: ${utc(session.started_at)}; finished: ${session.finished_at ? utc(session.finished_at) : 'not yet'}`,
  ];
  const institution = sessionInstitution(session, eventsInTimeOrder(session.events ?? []));
  if (institution) lines.push(`  Institution: ${institution}`);
  if (error?.request_id) lines.push(`  Error request ID: ${error.request_id}`);
  if (exit?.metadata?.status) lines.push(`  Exit status: ${exit.metadata.status}`);
  if (exit?.metadata?.request_id) lines.push(`  Exit request ID: ${exit.metadata.request_id}`);
  const results = resultCounts(session);
  if (results) lines.push(`  Results: ${results}`);
  return lines;
}

export function supportSummary(data: LinkTokenGetResponse, now: number): string {
  const status = tokenStatus(data.expiration, now);
  const lifetime = tokenLifetime(data.created_at, data.expiration);
  const sessions = sessionsNewestFirst(data.link_sessions ?? []);
  const lines = [
    `Link token: ${data.link_token}`,
    `Looked up: ${formatUtc(new Date(now))}`,
    `Status: ${TOKEN_STATUS_LABELS[status.kind]} (time left: ${describeTimeLeft(status)})`,
    `Created: ${utc(data.created_at)}`,
    `Expires: ${utc(data.expiration)}`,
    ...(lifetime ? [`Lifetime: ${lifetime.text} (${lifetime.meaning})`] : []),
    `Request ID (/link/token/get): ${data.request_id}`,
    sessions.length === 0 ? NO_SESSIONS_MESSAGE : `Link sessions: ${sessions.length}`,
    ...sessions.flatMap((session, index) => sessionLines(session, index, sessions.length)),
  ];
  return lines.join('\n');
}
