import type { LinkEvent, LinkSession } from '../../../../shared/schemas/link-token-get-response';
import {
  SESSION_OUTCOME_LABELS,
  sessionExit,
  sessionOutcome,
} from '../../../../shared/domain/session-outcome';
import { tokenEnvironment } from '../../../../shared/link-token';
import { LOOKUP_FAILED, TOKEN_STATUS_TONES, type StatusTone } from '../../../../shared/domain/status-tone';
import { TOKEN_STATUS_LABELS, tokenStatus } from '../../../../shared/domain/token-status';
import type { BatchOutcome } from './run-batch';

// One line of the batch table (and of the CSV/JSON export): what an operator scans for in a list
// of tokens. Labels match the single-token status panel's wording.

export const BATCH_STATUSES = [
  'Pending',
  TOKEN_STATUS_LABELS.active,
  TOKEN_STATUS_LABELS.expired,
  TOKEN_STATUS_LABELS.unknown,
  LOOKUP_FAILED.label,
  'Cancelled',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

// The same tone as the same status in the answer and the recent lookups.
export const BATCH_STATUS_TONES: Record<BatchStatus, StatusTone> = {
  Pending: 'pending',
  Active: TOKEN_STATUS_TONES.active,
  Expired: TOKEN_STATUS_TONES.expired,
  'Unknown expiry': TOKEN_STATUS_TONES.unknown,
  Error: LOOKUP_FAILED.tone,
  Cancelled: 'neutral',
};

export type BatchRow = {
  token: string;
  environment: string;
  // Active / Expired as of the moment the answer arrived.
  status: BatchStatus;
  expiration: string | null;
  sessionCount: number | null;
  lastSessionOutcome: string | null;
  lastEventName: string | null;
  lastEventAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  requestId: string | null;
};

function instant(value: string | null | undefined): number {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

function newest<T>(items: readonly T[], timeOf: (item: T) => string | null | undefined): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (best === undefined || instant(timeOf(item)) > instant(timeOf(best))) best = item;
  }
  return best;
}

function describeSessionOutcome(session: LinkSession): string {
  const outcome = sessionOutcome(session);
  const label = SESSION_OUTCOME_LABELS[outcome];
  return outcome === 'exited-with-error' ? `${label}: ${sessionExit(session)?.error?.error_code}` : label;
}

export function pendingRow(token: string, status: 'Pending' | 'Cancelled'): BatchRow {
  return {
    token,
    environment: tokenEnvironment(token) ?? '',
    status,
    expiration: null,
    sessionCount: null,
    lastSessionOutcome: null,
    lastEventName: null,
    lastEventAt: null,
    errorCode: null,
    errorMessage: null,
    requestId: null,
  };
}

export function rowFromOutcome(token: string, outcome: BatchOutcome, now: number): BatchRow {
  if (outcome.kind === 'error') {
    const { error } = outcome.error;
    return {
      ...pendingRow(token, 'Pending'),
      status: LOOKUP_FAILED.label,
      errorCode: error.error_code,
      errorMessage: error.error_message,
      requestId: error.request_id ?? null,
    };
  }

  const { data } = outcome.result;
  const sessions = data.link_sessions ?? [];
  const lastSession = newest(sessions, (session) => session.started_at);
  const events: LinkEvent[] = sessions.flatMap((session) => session.events ?? []);
  const lastEvent = newest(events, (event) => event.timestamp);

  return {
    token,
    environment: tokenEnvironment(token) ?? '',
    status: TOKEN_STATUS_LABELS[tokenStatus(data.expiration, now).kind],
    expiration: data.expiration,
    sessionCount: sessions.length,
    lastSessionOutcome: lastSession ? describeSessionOutcome(lastSession) : null,
    lastEventName: lastEvent?.event_name ?? null,
    lastEventAt: lastEvent?.timestamp ?? null,
    errorCode: null,
    errorMessage: null,
    requestId: data.request_id,
  };
}
