import { diagnoseWithoutConfiguration, VERDICT_LABELS, type Diagnosis } from '../diagnosis';
import { sessionsOnlyAnswer } from '../diagnosis/sessions-only';
import { renderTicket, type TicketFormat, type TicketSection } from '../diagnosis/ticket-format';
import type { LinkSession } from '../schemas/link-token-get-response';
import type { ClientLogs } from './read-client-logs';
import { rebuildSessions } from './rebuild-sessions';

// Pasted logs diagnosed with the same rules as Plaid's answer. The logs say nothing of the token's
// configuration, so no advice rests on it and its findings (all about the configuration and the
// token's lifetime) are left out: only the sessions speak.

export type PastedLogsDiagnosis = {
  sessions: LinkSession[];
  // null when no entry named a session (the lines were all unread).
  diagnosis: Diagnosis | null;
};

export function diagnosePastedLogs(logs: ClientLogs, now: number): PastedLogsDiagnosis {
  const sessions = rebuildSessions(logs.used.map((entry) => entry.record));
  if (sessions.length === 0) return { sessions, diagnosis: null };
  const response = sessionsOnlyAnswer(logs.linkTokens[0] ?? '', sessions);
  return { sessions, diagnosis: diagnoseWithoutConfiguration(response, now) };
}

// "line 3", "lines 3–9".
export function lineRange(first: number, last: number): string {
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

// The ticket text for pasted logs: it says where the facts came from, and carries only the masked
// text (secrets never leave the page unmasked).
export function pastedLogsTicket(
  logs: ClientLogs,
  result: PastedLogsDiagnosis,
  format: TicketFormat,
): string {
  const { diagnosis } = result;
  const sections: TicketSection[] = [
    {
      heading: 'Link sessions from pasted client logs (not verified with Plaid)',
      rows: diagnosis
        ? [
            { label: 'Verdict', value: VERDICT_LABELS[diagnosis.verdict] },
            { label: 'What happened', value: diagnosis.headline },
            ...(diagnosis.error
              ? [{ label: 'Error code', value: diagnosis.error.error_code, style: 'code' as const }]
              : []),
            ...(diagnosis.institution ? [{ label: 'Institution', value: diagnosis.institution }] : []),
            { label: 'Who acts next', value: diagnosis.actor },
            { label: 'Next step', value: diagnosis.nextStep },
          ]
        : [{ label: 'Verdict', value: 'No Link session could be read from the pasted lines.' }],
    },
    {
      heading: 'Sessions',
      rows: (diagnosis?.sessions ?? []).map((session) => ({
        value: `${session.linkSessionId}: ${VERDICT_LABELS[session.verdict]}${session.error ? ` (${session.error.error_code})` : ''}${session.institution ? ` at ${session.institution}` : ''}`,
        style: 'text' as const,
      })),
    },
    {
      heading: 'Lines',
      rows: [
        { label: 'Read', value: `${logs.used.length} ${logs.used.length === 1 ? 'entry' : 'entries'}` },
        ...logs.unread.map((lines) => ({
          label: `Not read (${lineRange(lines.firstLine, lines.lastLine)})`,
          value: `${lines.reason}: ${lines.snippet}`,
        })),
        ...(logs.maskedCount > 0
          ? [{ label: 'Masked', value: `${logs.maskedCount} tokens or secrets` }]
          : []),
      ],
    },
  ];
  return renderTicket(sections, format);
}
