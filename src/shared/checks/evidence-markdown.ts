import { CHECK_STATUS_LABELS, checkCounts } from './check-status';
import {
  evidenceContent,
  type EvidenceInput,
  type EvidenceRow,
  type EvidenceSession,
} from './evidence-content';

// The same evidence as the HTML report, as Markdown for a ticket (GitHub, Jira, a test-run note).
// Every value is made one line and escaped, so a pipe cannot split a table cell and a backtick,
// bracket or angle bracket cannot become code, a link or HTML; the raw answer sits in a fence
// longer than any backtick run inside it.

// Line breaks, the rest of C0 and C1, and the invisible marks that reorder text.
const CONTROL_RUN = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]+/gu;

export function escapeMarkdown(value: string): string {
  return value.replace(CONTROL_RUN, ' ').replace(/[\\`*_[\]<>|~#&!]/g, (character) => `\\${character}`);
}

function table(headings: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  if (rows.length === 0) return '_None._';
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => escapeMarkdown(cell) || ' ').join(' | ')} |`;
  return [line(headings), `|${headings.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function rowsTable(rows: readonly EvidenceRow[]): string {
  return table(
    ['Field', 'Value'],
    rows.map((row) => [row.label, row.value]),
  );
}

function fence(text: string): string {
  const longest = (text.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return `${marks}json\n${text}\n${marks}`;
}

function sessionSection(session: EvidenceSession): string {
  return [
    `### ${escapeMarkdown(session.heading)}`,
    rowsTable(session.facts),
    '**Steps**',
    table(
      ['Step', 'Started', 'Took', 'Detail'],
      session.steps.map((step) => [step.step, step.started, step.duration, step.detail]),
    ),
    '**Events**',
    table(
      ['Time', 'Event', 'Detail'],
      session.events.map((event) => [event.time, event.event, event.detail]),
    ),
  ].join('\n\n');
}

export function evidenceMarkdown(input: EvidenceInput): string {
  const content = evidenceContent(input);
  const report = content.report;
  const blocks = [
    `# ${escapeMarkdown(content.title)}`,
    `## Verdict: ${escapeMarkdown(content.verdict.label)}`,
    escapeMarkdown(content.verdict.headline),
    rowsTable(content.verdict.rows),
    ...(report
      ? [
          `## Checks against “${escapeMarkdown(report.profile.name)}”: ${CHECK_STATUS_LABELS[report.status]}`,
          escapeMarkdown(
            `${checkCounts(report.rows.map((row) => row.status))}. Profile ${report.profile.id}.`,
          ),
          table(
            ['Status', 'Expectation', 'Expected', 'Actual', 'Why'],
            report.rows.map((row) => [
              CHECK_STATUS_LABELS[row.status],
              row.label,
              row.expected,
              row.actual,
              row.note ?? '',
            ]),
          ),
        ]
      : []),
    '## Lookup',
    rowsTable(content.lookup),
    '## Configuration',
    rowsTable(content.configuration),
    `## Link sessions (${content.sessions.length})`,
    ...(content.sessions.length > 0
      ? content.sessions.map(sessionSection)
      : ['No Link session with this token in Plaid’s answer.']),
    '## Plaid’s answer as received (public tokens masked)',
    fence(content.rawJson),
  ];
  return `${blocks.join('\n\n')}\n`;
}
