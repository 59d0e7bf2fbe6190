import { renderTicket, type TicketRow, type TicketSection } from '../../../../shared/diagnosis';
import { formatUtc } from '../../../../shared/domain/format-time';
import type { HistoryCount, HistoryPage } from '../../../../shared/history/history-api';
import { verdictLabel } from './history-words';

// "Copy summary for a ticket": what History shows, in a few lines of Markdown — the filter, how
// many tokens ended how, the banks with most failures and the error codes that come up most, and
// the link that reopens the same view. Tokens and answers stay out: the exports carry the rows.

export const TICKET_TOP = 5;

function percent(count: number, total: number): string {
  const share = (count / total) * 100;
  return share > 0 && share < 1 ? '<1%' : `${Math.round(share)}%`;
}

function topRows(counts: readonly HistoryCount[]): TicketRow[] {
  const rows: TicketRow[] = counts
    .slice(0, TICKET_TOP)
    .map(({ value, count }) => ({ label: value, value: String(count) }));
  const rest = counts.slice(TICKET_TOP);
  if (rest.length > 0) {
    const tokens = rest.reduce((sum, { count }) => sum + count, 0);
    rows.push({ value: `${rest.length} more (${tokens} tokens) in the export` });
  }
  return rows.length > 0 ? rows : [{ value: 'none' }];
}

export function historyTicket(
  page: HistoryPage,
  view: { filter: readonly string[]; link: string },
  now: Date,
): string {
  const { total } = page;
  const sections: TicketSection[] = [
    {
      heading: `Link token history: ${total} ${total === 1 ? 'token' : 'tokens'}`,
      rows: [
        {
          label: 'Filter',
          value: view.filter.length > 0 ? view.filter.join('; ') : 'none (everything kept)',
        },
        { label: 'As of', value: `${formatUtc(now)}, from the Link Token Inspector’s store` },
        { label: 'This view', value: view.link, style: 'url' },
      ],
    },
    {
      heading: 'Verdicts',
      rows: page.verdict_totals.map(({ value, count }) => ({
        label: verdictLabel(value),
        value: `${count} (${percent(count, total)})`,
      })),
    },
    {
      heading: 'Banks with most failures',
      rows:
        page.banks.length > 0
          ? page.banks.slice(0, TICKET_TOP).map((bank) => ({
              label: bank.institution,
              value: `${bank.failed} failed of ${bank.total}${
                bank.top_error_codes.length > 0
                  ? ` (${bank.top_error_codes.map(({ value, count }) => `${value} ${count}`).join(', ')})`
                  : ''
              }`,
            }))
          : [{ value: 'none' }],
    },
    { heading: 'Top error codes', rows: topRows(page.breakdown.error_code) },
  ];
  if (page.outdated_verdicts > 0) {
    sections.push({
      heading: null,
      rows: [
        {
          value: `${page.outdated_verdicts} verdicts were still being brought up to date with the current rules.`,
        },
      ],
    });
  }
  return renderTicket(sections, 'markdown');
}
