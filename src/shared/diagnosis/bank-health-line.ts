import { formatRate, HEALTH_LEVEL_LABELS, type InstitutionHealth } from '../domain/institution-health';
import { bankHealthDuringSession, type BankTrouble, type TimeWindow } from './bank-health';

// The bank's health in one line, for the verdict and the ticket: its state during the session and
// now, and the incident Plaid posted. The session card's "Bank health" says the rest.

const DURING: Record<BankTrouble, string> = {
  yes: 'in trouble during the session',
  no: 'healthy during the session',
  unknown: 'its state during the session is not known',
};

// `bank`: the name Plaid gave; `window`: when the session ran (null: not dated); `now`: when Plaid
// answered. null in Sandbox, where Plaid reports no health.
export function bankHealthLine(
  bank: string,
  health: InstitutionHealth,
  window: TimeWindow | null,
  now: Date,
): string | null {
  if (health.kind === 'sandbox') return null;
  if (health.kind === 'not-enough-traffic') {
    return `${bank}: Plaid sees too few logins there to report its health.`;
  }
  const during = window ? bankHealthDuringSession(health, window, now) : null;
  const trouble = during?.kind === 'reported' ? during.trouble : 'unknown';
  const logins = health.itemLogins;
  const nowPart =
    logins.kind === 'reported'
      ? `logins ${HEALTH_LEVEL_LABELS[logins.level]} now (${formatRate(logins.rates.success)} succeed)`
      : 'logins not measured now (too little traffic)';
  // The incidents during the session, else the newest one still going on.
  const incidents =
    during?.kind === 'reported' && during.overlappingIncidents.length > 0
      ? during.overlappingIncidents
      : health.incidents.filter((incident) => incident.end === null);
  const [first] = incidents;
  const incident = first
    ? `; incident “${first.title}”${first.end === null ? ', still going on' : ''}${incidents.length > 1 ? ` (and ${incidents.length - 1} more)` : ''}`
    : '';
  return `${bank}: ${DURING[trouble]}, ${nowPart}${incident}.`;
}
