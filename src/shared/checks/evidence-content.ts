import { ACTOR_LABELS } from '../diagnosis/actors';
import { diagnose } from '../diagnosis/diagnose';
import { DIAGNOSIS_RULES_VERSION } from '../diagnosis/rules-version';
import { VERDICT_LABELS } from '../diagnosis/verdict';
import { eventsInTimeOrder } from '../domain/ordering';
import { formatDuration, formatUtc, parseDate } from '../domain/format-time';
import type { StatusTone } from '../domain/status-tone';
import { tokenLifetime } from '../domain/token-lifetime';
import { maskPublicTokens } from '../kept/mask-public-tokens';
import type { LinkTokenGetResponse } from '../schemas/link-token-get-response';
import type { CheckReport } from './check-report';

// The evidence for one lookup (issue 30), as data: what the HTML report and the Markdown both say,
// built once so the two forms agree. Everything in it is text; the builders escape it. Nothing
// here takes credentials, and every public_token in the raw answer is masked.

export interface EvidenceInput {
  answer: LinkTokenGetResponse;
  // The body as received (unknown fields included); shown masked.
  raw: unknown;
  // When the answer was Plaid's (epoch ms): the verdict is as of then.
  answeredAt: number;
  // Who looked it up, when the inspector knows (a kept answer names who saw it).
  lookedUpBy: string | null;
  inspectorVersion: string;
  report?: CheckReport;
}

export type EvidenceRow = { label: string; value: string };

export interface EvidenceSession {
  heading: string;
  facts: EvidenceRow[];
  steps: Array<{ step: string; started: string; duration: string; detail: string }>;
  events: Array<{ time: string; event: string; detail: string }>;
}

export interface EvidenceContent {
  title: string;
  verdict: { label: string; tone: StatusTone; headline: string; rows: EvidenceRow[] };
  lookup: EvidenceRow[];
  report: CheckReport | null;
  configuration: EvidenceRow[];
  sessions: EvidenceSession[];
  rawJson: string;
}

const NONE = 'none';

function utc(value: string | null | undefined): string {
  const date = parseDate(value);
  return date ? formatUtc(date) : 'not given';
}

function list(values: readonly string[] | undefined): string {
  return values && values.length > 0 ? values.join(', ') : NONE;
}

function configuration(answer: LinkTokenGetResponse): EvidenceRow[] {
  const { metadata } = answer;
  const filters = Object.entries(metadata.account_filters ?? {}).map(
    ([type, filter]) => `${type}: ${JSON.stringify(filter)}`,
  );
  const lifetime = tokenLifetime(answer.created_at, answer.expiration);
  return [
    { label: 'Client name', value: metadata.client_name ?? NONE },
    { label: 'Initial products', value: list(metadata.initial_products) },
    { label: 'Country codes', value: list(metadata.country_codes) },
    { label: 'Language', value: metadata.language ?? NONE },
    { label: 'Webhook', value: metadata.webhook || NONE },
    { label: 'Redirect URI', value: metadata.redirect_uri || NONE },
    { label: 'Account filters', value: filters.length > 0 ? filters.join('; ') : NONE },
    { label: 'Created', value: utc(answer.created_at) },
    { label: 'Expires', value: utc(answer.expiration) },
    { label: 'Lifetime', value: lifetime ? `${lifetime.text} (${lifetime.meaning})` : 'not known' },
  ];
}

function eventDetail(metadata: Record<string, unknown>): string {
  const fields = ['view_name', 'institution_name', 'error_code', 'exit_status', 'mfa_type'] as const;
  return fields
    .flatMap((field) => (typeof metadata[field] === 'string' ? [`${field}: ${metadata[field]}`] : []))
    .join('; ');
}

function sessions(answer: LinkTokenGetResponse, diagnosis: ReturnType<typeof diagnose>): EvidenceSession[] {
  const raw = new Map((answer.link_sessions ?? []).map((session) => [session.link_session_id, session]));
  return diagnosis.sessions.map((session, index) => ({
    heading: `Session ${index + 1} of ${diagnosis.sessions.length}: ${session.linkSessionId}${session.linkSessionId === diagnosis.linkSessionId ? ' (the verdict’s)' : ''}`,
    facts: [
      {
        label: 'Outcome',
        value: `${VERDICT_LABELS[session.verdict]}${session.error ? `: ${session.error.error_type} / ${session.error.error_code}` : ''}`,
      },
      { label: 'Institution', value: session.institution ?? 'not known' },
      { label: 'Started', value: utc(session.startedAt) },
      { label: 'Finished', value: session.finishedAt ? utc(session.finishedAt) : 'not yet' },
      { label: 'Exit status', value: session.exitStatus ?? NONE },
    ],
    steps: session.steps.map((step) => ({
      step: step.label,
      started: utc(step.startedAt),
      duration: step.durationMs === null ? '' : formatDuration(step.durationMs),
      detail: [step.detail, step.errorCode ? `error ${step.errorCode}` : null].filter(Boolean).join('; '),
    })),
    events: eventsInTimeOrder(raw.get(session.linkSessionId)?.events ?? []).map((event) => ({
      time: utc(event.timestamp),
      event: event.event_name,
      detail: eventDetail(event.event_metadata),
    })),
  }));
}

export function evidenceContent(input: EvidenceInput): EvidenceContent {
  const { answer } = input;
  const diagnosis = diagnose(answer, input.answeredAt);
  return {
    title: `Evidence for link token ${answer.link_token}`,
    verdict: {
      label: VERDICT_LABELS[diagnosis.verdict],
      tone: diagnosis.tone,
      headline: diagnosis.headline,
      rows: [
        { label: 'Who acts next', value: ACTOR_LABELS[diagnosis.actor] },
        { label: 'Next step', value: diagnosis.nextStep },
        ...(diagnosis.endUserSaw
          ? [{ label: 'What the end user saw', value: diagnosis.endUserSaw.text }]
          : []),
        ...diagnosis.findings.map((finding) => ({
          label: `Finding (${finding.severity})`,
          value: finding.title,
        })),
      ],
    },
    lookup: [
      { label: 'Link token', value: answer.link_token },
      { label: 'Looked up', value: formatUtc(new Date(input.answeredAt)) },
      { label: 'Looked up by', value: input.lookedUpBy ?? 'not recorded' },
      { label: 'Request ID (/link/token/get)', value: answer.request_id },
      {
        label: 'Inspector',
        value: `Link Token Inspector ${input.inspectorVersion}, diagnosis rules version ${DIAGNOSIS_RULES_VERSION}`,
      },
    ],
    report: input.report ?? null,
    configuration: configuration(answer),
    sessions: sessions(answer, diagnosis),
    rawJson: JSON.stringify(maskPublicTokens(input.raw), null, 2) ?? 'null',
  };
}
