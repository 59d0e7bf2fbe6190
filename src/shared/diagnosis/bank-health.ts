import { formatDuration, parseDate } from '../domain/format-time';
import { sessionInstitutionOf } from '../domain/institution';
import type { IncidentSummary, InstitutionHealth, ProductHealth } from '../domain/institution-health';
import { sessionExit } from '../domain/session-outcome';
import type { StatusTone } from '../domain/status-tone';
import type { LinkEvent, LinkSession } from '../schemas/link-token-get-response';

// Judgements on a session's bank, from Plaid's health report (domain/institution-health.ts): was
// the bank having trouble when the session ran, and which failed session asks about its bank.

// "Was the bank having trouble when the session ran?" (see bankHealthDuringSession).
export type BankTrouble = 'yes' | 'no' | 'unknown';

export const BANK_TROUBLE_TONES: Record<BankTrouble, StatusTone> = {
  yes: 'failure',
  no: 'success',
  unknown: 'neutral',
};

// --- The bank's health when a session ran ----------------------------------------------------

// When a session ran; end null while it is still open.
export type TimeWindow = { start: Date; end: Date | null };

// From started_at and finished_at (null: still open), else from its events' timestamps; null when
// nothing in the session is dated.
export function sessionWindow(session: LinkSession): TimeWindow | null {
  const eventTimes = (session.events ?? [])
    .map((event) => parseDate(event.timestamp))
    .filter((date) => date !== null)
    .map((date) => date.getTime());
  const start =
    parseDate(session.started_at) ?? (eventTimes.length > 0 ? new Date(Math.min(...eventTimes)) : null);
  if (!start) return null;
  if (session.finished_at === null) return { start, end: null };
  const end =
    parseDate(session.finished_at) ?? (eventTimes.length > 0 ? new Date(Math.max(...eventTimes)) : null);
  return { start, end };
}

// Incidents that were going on at some moment of the window (an open window or incident lasts
// until now).
export function incidentsDuring(
  incidents: readonly IncidentSummary[],
  window: TimeWindow,
  now: Date,
): IncidentSummary[] {
  const windowEnd = (window.end ?? now).getTime();
  return incidents.filter(
    (incident) =>
      incident.start.getTime() <= windowEnd && (incident.end ?? now).getTime() >= window.start.getTime(),
  );
}

// Plaid measures the breakdown over "the most recent few minutes to the past six hours" (smaller
// banks over longer periods), and does not say which.
export const RATES_SURELY_RECENT_MS = 5 * 60_000;
export const RATES_AT_MOST_MS = 6 * 3_600_000;

export type RatesTiming =
  // The session was running a few minutes ago or still is: the rates include its time.
  | { kind: 'current' }
  // It ended within six hours: the rates may or may not reach back to it.
  | { kind: 'may-not-cover'; endedMsAgo: number }
  // It ended more than six hours ago: the rates describe the bank now, not then.
  | { kind: 'after-session'; endedMsAgo: number };

export function ratesTiming(window: TimeWindow, now: Date): RatesTiming {
  const endedMsAgo = window.end ? now.getTime() - window.end.getTime() : 0;
  if (endedMsAgo <= RATES_SURELY_RECENT_MS) return { kind: 'current' };
  if (endedMsAgo <= RATES_AT_MOST_MS) return { kind: 'may-not-cover', endedMsAgo };
  return { kind: 'after-session', endedMsAgo };
}

export function describeRatesTiming(timing: RatesTiming): string | null {
  switch (timing.kind) {
    case 'current':
      return null;
    case 'may-not-cover':
      return `These rates are Plaid's latest, measured over the last few minutes to six hours; the session ended ${formatDuration(timing.endedMsAgo)} ago and may fall outside them.`;
    case 'after-session':
      return `The session ended ${formatDuration(timing.endedMsAgo)} ago, more than the six hours these rates cover: they describe the institution now, not then.`;
  }
}

export type SessionBankHealth =
  | { kind: 'sandbox' }
  | { kind: 'not-enough-traffic' }
  | {
      kind: 'reported';
      // The answer to "was the bank having trouble when the session ran?":
      // yes: an incident overlaps the session, or logins were degraded or down since before it;
      // no: logins were healthy since before it and no incident overlaps;
      // unknown: the level changed since the session, or logins were not measured.
      trouble: BankTrouble;
      itemLogins: ProductHealth;
      // held: the current item_logins level was already in place when the session started
      // (last_status_change before it), so it applied to the session too.
      levelThen: 'held' | 'changed-since' | 'unknown';
      ratesTiming: RatesTiming;
      overlappingIncidents: IncidentSummary[];
    };

export function bankHealthDuringSession(
  health: InstitutionHealth,
  window: TimeWindow,
  now: Date,
): SessionBankHealth {
  if (health.kind !== 'reported') return health;
  const { itemLogins } = health;
  const overlappingIncidents = incidentsDuring(health.incidents, window, now);
  const levelThen =
    itemLogins.kind !== 'reported' || itemLogins.since === null
      ? 'unknown'
      : itemLogins.since.getTime() <= window.start.getTime()
        ? 'held'
        : 'changed-since';
  let trouble: BankTrouble = 'unknown';
  if (overlappingIncidents.length > 0) trouble = 'yes';
  else if (itemLogins.kind === 'reported' && levelThen === 'held')
    trouble = itemLogins.level === 'healthy' ? 'no' : 'yes';
  return {
    kind: 'reported',
    trouble,
    itemLogins,
    levelThen,
    ratesTiming: ratesTiming(window, now),
    overlappingIncidents,
  };
}

// --- Which sessions ask about their bank -----------------------------------------------------

// Link's own signs that the bank was struggling when the user picked it.
const BANK_TROUBLE_EVENTS = new Set(['SELECT_DEGRADED_INSTITUTION', 'SELECT_DOWN_INSTITUTION']);

// The institution_id whose health explains a failed session: one whose exit carries an error, or
// whose events show Link flagging the bank as degraded or down. null for any other session, and
// for a failed one that never reached a bank (nothing to ask Plaid about).
export function bankToCheck(session: LinkSession, eventsInOrder: readonly LinkEvent[]): string | null {
  const failed =
    Boolean(sessionExit(session)?.error) ||
    eventsInOrder.some((event) => BANK_TROUBLE_EVENTS.has(event.event_name));
  if (!failed) return null;
  return sessionInstitutionOf(session, eventsInOrder)?.institution_id ?? null;
}
