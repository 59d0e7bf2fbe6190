import { ACTOR_LABELS } from './actors';
import { diagnose, type Diagnosis } from './diagnose';
import { SEVERITY_LABELS } from './findings';
import { diagnoseLookupError } from './lookup-error';
import type { SessionDiagnosis } from './read-session';
import { STEP_LABELS } from './session-steps';
import { VERDICT_LABELS } from './verdict';
import { checkLinkToken } from '../link-token';
import type { LinkSession, LinkTokenGetResponse } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import { formatUtc, parseDate } from '../domain/format-time';
import { NO_SESSIONS_MESSAGE } from '../domain/session-outcome';
import { renderTicket, type TicketFormat, type TicketRow, type TicketSection } from './ticket-format';
import { tokenLifetime } from '../domain/token-lifetime';
import { TOKEN_STATUS_LABELS, type TokenStatus } from '../domain/token-status';

// "Copy for a ticket": a lookup as text for a support ticket or a message to Plaid support. It
// starts with the verdict, who acts next and the next step; then what the end user saw, Plaid's
// error, our explanation, the bank's health and the findings worth acting on (Notes are left out);
// the token's configuration; then the IDs Plaid support asks for (request IDs, link_session_id)
// and each session's steps in short. A ticket is read later and elsewhere, so every time in it is
// absolute, in UTC. Public tokens are left out on purpose: for 30 minutes one can be exchanged for
// an access token. Secrets never reach this code.

export interface TicketOptions {
  // Plain text (the default) or Markdown.
  format?: TicketFormat;
  // A link back to this lookup in the inspector (only when the server knows its public address).
  inspectorUrl?: string;
  // The verdict's bank's health, in one line, once Plaid has answered (see bankHealthLine).
  bankHealth?: string;
}

// A huge token (hundreds of sessions) would make a ticket nobody reads: the verdict's session and
// the newest ones are listed, and the ticket says how many were left out.
export const TICKET_SESSION_LIMIT = 10;
// Plaid's messages are short; a hostile or broken answer's need not be.
const VALUE_LIMIT = 500;

function clip(text: string): string {
  return text.length > VALUE_LIMIT ? `${text.slice(0, VALUE_LIMIT - 1)}…` : text;
}

function utc(value: string | null | undefined): string {
  const date = parseDate(value);
  return date ? formatUtc(date) : 'not given';
}

function row(
  label: string,
  value: string | null | undefined,
  style: TicketRow['style'] = 'text',
): TicketRow[] {
  return value ? [{ label, value: style === 'text' ? clip(value) : value, style }] : [];
}

function verdictSection(
  diagnosis: Diagnosis,
  data: LinkTokenGetResponse,
  options: TicketOptions,
): TicketSection {
  const error = diagnosis.error;
  return {
    heading: null,
    rows: [
      ...row('Verdict', `${VERDICT_LABELS[diagnosis.verdict]}. ${diagnosis.headline}`),
      ...row('Who acts next', ACTOR_LABELS[diagnosis.actor]),
      ...row('Next step', diagnosis.nextStep),
      ...row('What the end user saw', diagnosis.endUserSaw?.text),
      ...row(
        'Plaid’s error',
        error ? `${error.error_type} / ${error.error_code}: ${error.error_message}` : null,
      ),
      ...row('Our explanation', diagnosis.explanation),
      ...row('Bank health', options.bankHealth),
      ...row('Docs', diagnosis.docsUrl, 'url'),
      ...row('Client name', data.metadata.client_name),
      ...row('Inspector', options.inspectorUrl, 'url'),
    ],
  };
}

// The token's configuration: what decides which banks and flows Link offers, and where Plaid
// sends what follows.
function configurationSection(data: LinkTokenGetResponse): TicketSection {
  const { metadata } = data;
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : 'none');
  return {
    heading: 'Configuration',
    rows: [
      ...row('Products', list(metadata.initial_products), 'code'),
      ...row('Countries', list(metadata.country_codes), 'code'),
      ...row('Webhook', metadata.webhook ?? 'not set', metadata.webhook ? 'url' : 'text'),
      ...row('redirect_uri', metadata.redirect_uri ?? 'not set', metadata.redirect_uri ? 'url' : 'text'),
    ],
  };
}

// "Opened Link → Bank search → Bank credentials → Exit": where the session went, in short.
function stepsInShort(session: SessionDiagnosis): string | null {
  const labels = session.steps
    .map((step) => STEP_LABELS[step.kind])
    .filter((label, index, all) => label !== all[index - 1]);
  return labels.length > 0 ? labels.join(' → ') : null;
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

function sessionRows(
  session: SessionDiagnosis,
  raw: LinkSession,
  position: number,
  total: number,
  isVerdicts: boolean,
): TicketRow[] {
  const error = session.error;
  const exit = raw.exit ?? raw.on_exit;
  const nested = (label: string, value: string | null | undefined, style: TicketRow['style'] = 'text') =>
    row(label, value, style).map((line) => ({ ...line, nested: true }));
  return [
    ...row(
      `Session ${position} of ${total}${isVerdicts ? ' (the verdict’s)' : ''}`,
      session.linkSessionId,
      'code',
    ),
    ...nested(
      'Outcome',
      `${VERDICT_LABELS[session.verdict]}${error ? `: ${error.error_type} / ${error.error_code}` : ''}`,
    ),
    ...nested(
      'Started',
      `${utc(session.startedAt)}; finished: ${session.finishedAt ? utc(session.finishedAt) : 'not yet'}`,
    ),
    ...nested('Institution', session.institution),
    ...nested('Steps', stepsInShort(session)),
    ...nested('Stopped at', session.stoppedAt ? STEP_LABELS[session.stoppedAt] : null),
    ...nested('Exit status', session.exitStatus, 'code'),
    ...nested('Error request ID', error?.request_id, 'code'),
    ...nested(
      'Error event request ID',
      session.errorEventRequestId !== error?.request_id ? session.errorEventRequestId : null,
      'code',
    ),
    ...nested('Exit request ID', exit?.metadata?.request_id, 'code'),
    ...nested('Results', resultCounts(raw)),
  ];
}

function sessionsSection(diagnosis: Diagnosis, data: LinkTokenGetResponse): TicketSection {
  const total = diagnosis.sessions.length;
  if (total === 0) return { heading: 'Link sessions', rows: [{ value: NO_SESSIONS_MESSAGE }] };
  const raw = new Map((data.link_sessions ?? []).map((session) => [session.link_session_id, session]));
  // Positions count newest first, as the inspector shows them.
  const positioned = diagnosis.sessions.map((session, index) => ({ session, position: index + 1 }));
  const verdicts = positioned.filter(({ session }) => session.linkSessionId === diagnosis.linkSessionId);
  const listed = [...verdicts, ...positioned.filter((entry) => !verdicts.includes(entry))].slice(
    0,
    TICKET_SESSION_LIMIT,
  );
  const rows = listed.flatMap(({ session, position }) =>
    sessionRows(
      session,
      raw.get(session.linkSessionId)!,
      position,
      total,
      session.linkSessionId === diagnosis.linkSessionId,
    ),
  );
  const left = total - listed.length;
  if (left > 0) {
    rows.push({
      value: `${left} more ${left === 1 ? 'session is' : 'sessions are'} not listed here, to keep the ticket short: this token has ${total}. The inspector shows them all.`,
    });
  }
  return { heading: `Link sessions (${total})`, rows };
}

// Whether the token could still be used when it was looked up; the times are in Created/Expires.
function validityAtLookup(status: TokenStatus): string {
  return status.kind === 'unknown'
    ? `${TOKEN_STATUS_LABELS.unknown} (Plaid did not say when this token expires)`
    : `${TOKEN_STATUS_LABELS[status.kind]} when looked up`;
}

// A lookup's answer as ticket text, read at `now` (epoch ms).
export function supportSummary(data: LinkTokenGetResponse, now: number, options: TicketOptions = {}): string {
  const diagnosis = diagnose(data, now, 'absolute');
  const lifetime = tokenLifetime(data.created_at, data.expiration);
  const status = diagnosis.tokenStatus;
  const sections: TicketSection[] = [
    verdictSection(diagnosis, data, options),
    { heading: 'Also', rows: diagnosis.notes.map((note) => ({ value: clip(note) })) },
    {
      heading: 'Findings',
      // A Note is background for the page's reader, not something a ticket asks anyone to act on.
      rows: diagnosis.findings
        .filter((finding) => finding.severity !== 'info')
        .flatMap((finding) => [
          { value: `${SEVERITY_LABELS[finding.severity]}: ${clip(finding.title)}` },
          {
            label: finding.field,
            value: clip(finding.value ?? 'not set'),
            style: 'code' as const,
            nested: true,
          },
          { label: 'Meaning', value: finding.meaning, nested: true },
          { label: 'Docs', value: finding.docsUrl, style: 'url' as const, nested: true },
        ]),
    },
    {
      heading: 'Details',
      rows: [
        ...row('Link token', data.link_token, 'code'),
        ...row('Looked up', formatUtc(new Date(now))),
        ...row('Token validity', validityAtLookup(status)),
        ...row('Created', utc(data.created_at)),
        ...row('Expires', utc(data.expiration)),
        // Without its meaning ("Plaid's default for update mode"): that guess is the lifetime's
        // Note, which a ticket leaves out.
        ...row('Lifetime', lifetime?.text),
        ...row('Request ID (/link/token/get)', data.request_id, 'code'),
      ],
    },
    configurationSection(data),
    sessionsSection(diagnosis, data),
  ];
  return renderTicket(sections, options.format ?? 'text');
}

// A failed lookup as ticket text, for the error panels. linkToken: what was looked up; it is left
// out unless it really is a link token (a pasted access token must never reach a ticket).
export function lookupErrorSummary(
  error: PlaidError,
  httpStatus: number | null,
  now: number,
  options: TicketOptions & { linkToken?: string; retryAfterSeconds?: number | null } = {},
): string {
  const diagnosis = diagnoseLookupError(error, httpStatus, options.retryAfterSeconds ?? null);
  const token = options.linkToken ? checkLinkToken(options.linkToken) : null;
  const from = { plaid: 'from Plaid', proxy: 'from the inspector’s server', client: 'in the browser' }[
    diagnosis.source
  ];
  const section: TicketSection = {
    heading: null,
    rows: [
      ...row('Verdict', `${VERDICT_LABELS[diagnosis.verdict]}. ${diagnosis.headline}`),
      ...row('Who acts next', ACTOR_LABELS[diagnosis.actor]),
      ...row('Next step', diagnosis.nextStep),
      ...row('Worth retrying', diagnosis.retryable ? 'yes' : 'no'),
      ...row('Our explanation', diagnosis.explanation),
      ...row(
        'Error',
        `${error.error_type} / ${error.error_code}${httpStatus === null ? '' : ` (HTTP ${httpStatus})`}, ${from}`,
      ),
      ...row('Message', error.error_message),
      ...row('Request ID', diagnosis.requestId, 'code'),
      ...row('Docs', diagnosis.docsUrl, 'url'),
      ...row('Link token', token?.ok ? token.token : null, 'code'),
      ...row('Looked up', formatUtc(new Date(now))),
      ...row('Inspector', options.inspectorUrl, 'url'),
    ],
  };
  return renderTicket([section], options.format ?? 'text');
}
