import type { StatusTone } from '../domain/status-tone';
import { CHECK_STATUS_LABELS, CHECK_STATUS_TONES, checkCounts } from './check-status';
import {
  evidenceContent,
  type EvidenceInput,
  type EvidenceRow,
  type EvidenceSession,
} from './evidence-content';

// The evidence for one lookup as a single HTML file to attach to a test run: it opens offline
// (no external resource, no script: its content policy forbids both) and prints well. Every value
// is escaped, so a hostile client name or error message stays text.

export const EVIDENCE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// The app's tone colours (tokens.css, light theme), fixed here: the file stands alone.
const TONE_COLOURS: Readonly<Record<StatusTone, { fg: string; bg: string }>> = {
  success: { fg: '#14532d', bg: '#dcfce7' },
  failure: { fg: '#7f1d1d', bg: '#fee2e2' },
  warning: { fg: '#713f12', bg: '#fef3c7' },
  pending: { fg: '#1e3a8a', bg: '#dbeafe' },
  neutral: { fg: '#374151', bg: '#f3f4f6' },
};

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; color: #16181d; margin: 24px auto; max-width: 960px; padding: 0 16px; }
h1 { font-size: 20px; overflow-wrap: anywhere; }
h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #cfd4dc; padding-bottom: 4px; }
h3 { font-size: 15px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border: 1px solid #cfd4dc; overflow-wrap: anywhere; }
th { background: #eef0f4; }
tr { break-inside: avoid; }
.badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-weight: bold; border: 1px solid currentColor; }
${Object.entries(TONE_COLOURS)
  .map(([tone, colour]) => `.tone-${tone} { color: ${colour.fg}; background: ${colour.bg}; }`)
  .join('\n')}
.verdict { padding: 8px 12px; border-left: 6px solid currentColor; }
.verdict p { color: #16181d; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f6f8; border: 1px solid #cfd4dc; padding: 8px; font-size: 12px; }
.muted { color: #545b68; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; }
  .badge, .tone-success, .tone-failure, .tone-warning, .tone-pending, .tone-neutral { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

function badge(label: string, tone: StatusTone): string {
  return `<span class="badge tone-${tone}">${escapeHtml(label)}</span>`;
}

function rowsTable(rows: readonly EvidenceRow[]): string {
  const body = rows
    .map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.value)}</td></tr>`)
    .join('');
  return `<table><colgroup><col style="width: 28%"><col></colgroup><tbody>${body}</tbody></table>`;
}

function table(headings: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  const head = headings.map((heading) => `<th scope="col">${escapeHtml(heading)}</th>`).join('');
  const body = rows
    .map((cells) => `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function checksSection(report: NonNullable<ReturnType<typeof evidenceContent>['report']>): string {
  const rows = report.rows
    .map(
      (row) =>
        `<tr><td>${badge(CHECK_STATUS_LABELS[row.status], CHECK_STATUS_TONES[row.status])}</td><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.expected)}</td><td>${escapeHtml(row.actual)}</td><td>${escapeHtml(row.note ?? '')}</td></tr>`,
    )
    .join('');
  return `<section><h2>Checks against “${escapeHtml(report.profile.name)}” ${badge(CHECK_STATUS_LABELS[report.status], CHECK_STATUS_TONES[report.status])}</h2>
<p class="muted">${escapeHtml(checkCounts(report.rows.map((row) => row.status)))}. Profile ${escapeHtml(report.profile.id)}.</p>
<table class="checks"><colgroup><col style="width: 11%"><col style="width: 17%"><col><col><col style="width: 22%"></colgroup><thead><tr><th scope="col">Status</th><th scope="col">Expectation</th><th scope="col">Expected</th><th scope="col">Actual</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function sessionSection(session: EvidenceSession): string {
  return `<section><h3>${escapeHtml(session.heading)}</h3>${rowsTable(session.facts)}
<h4>Steps</h4>${table(
    ['Step', 'Started', 'Took', 'Detail'],
    session.steps.map((step) => [step.step, step.started, step.duration, step.detail]),
  )}
<h4>Events</h4>${table(
    ['Time', 'Event', 'Detail'],
    session.events.map((event) => [event.time, event.event, event.detail]),
  )}</section>`;
}

export function evidenceHtml(input: EvidenceInput): string {
  const content = evidenceContent(input);
  const sessions =
    content.sessions.length > 0
      ? content.sessions.map(sessionSection).join('\n')
      : '<p class="muted">No Link session with this token in Plaid’s answer.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EVIDENCE_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(content.title)}</h1>
<section class="verdict tone-${content.verdict.tone}"><h2>Verdict: ${badge(content.verdict.label, content.verdict.tone)}</h2>
<p>${escapeHtml(content.verdict.headline)}</p>${rowsTable(content.verdict.rows)}</section>
${content.report ? checksSection(content.report) : ''}
<section><h2>Lookup</h2>${rowsTable(content.lookup)}</section>
<section><h2>Configuration</h2>${rowsTable(content.configuration)}</section>
<section><h2>Link sessions (${content.sessions.length})</h2>${sessions}</section>
<section><h2>Plaid’s answer as received</h2><p class="muted">Public tokens masked.</p><pre>${escapeHtml(content.rawJson)}</pre></section>
</body>
</html>
`;
}
