import { ACTOR_LABELS, renderTicket, type TicketRow, type TicketSection } from '../../../../shared/diagnosis';
import { formatUtc } from '../../../../shared/domain/format-time';
import type { BatchRow } from './batch-row';
import { verdictTotals } from './breakdown';
import { ROW_VERDICT_LABELS } from './row-verdict';

// "Copy summary for a ticket": the rows shown in a few lines of Markdown — how many tokens ended
// how, who acts next, and the error codes and institutions that come up most; with a filter on, it
// says which and of how many. Tokens, answers and credentials stay out: the exports carry the rows.

// Enough to see a pattern; the exports hold the long tail.
export const TICKET_TOP = 5;

function percent(count: number, total: number): string {
  const share = (count / total) * 100;
  return share > 0 && share < 1 ? '<1%' : `${Math.round(share)}%`;
}

function countBy(rows: readonly BatchRow[], value: (row: BatchRow) => string | null): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = value(row);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
}

function topRows(counts: readonly [string, number][], style: TicketRow['style'] = 'text'): TicketRow[] {
  const rows: TicketRow[] = counts
    .slice(0, TICKET_TOP)
    .map(([value, count]) => ({ label: value, value: String(count), style }));
  const rest = counts.slice(TICKET_TOP);
  if (rest.length > 0) {
    const tokens = rest.reduce((sum, [, count]) => sum + count, 0);
    rows.push({ value: `${rest.length} more (${tokens} tokens) in the export` });
  }
  return rows.length > 0 ? rows : [{ value: 'none' }];
}

// What the rows are of the batch: the filter in words (filter-words.ts) and the batch's size.
export type TicketScope = { filter: string; batchSize: number };

export function batchTicket(rows: readonly BatchRow[], now: Date, scope: TicketScope | null = null): string {
  const total = rows.length;
  const tokens = `${total} ${total === 1 ? 'token' : 'tokens'}`;
  const sections: TicketSection[] = [
    {
      heading: scope
        ? `Link token batch: ${total} of ${scope.batchSize} tokens, filtered`
        : `Link token batch: ${tokens}`,
      rows: [
        ...(scope ? [{ label: 'Filter', value: scope.filter }] : []),
        { label: 'Looked up', value: `${formatUtc(now)}, with the Link Token Inspector` },
      ],
    },
    {
      heading: 'Verdicts',
      rows: verdictTotals(rows).map(({ verdict, count }) => ({
        label: ROW_VERDICT_LABELS[verdict],
        value: `${count} (${percent(count, total)})`,
      })),
    },
    {
      heading: 'Who acts next',
      rows: topRows(countBy(rows, (row) => row.actor && ACTOR_LABELS[row.actor])),
    },
    { heading: 'Top error codes', rows: topRows(countBy(rows, (row) => row.errorCode)) },
    { heading: 'Top institutions', rows: topRows(countBy(rows, (row) => row.institution)) },
  ];
  return renderTicket(sections, 'markdown');
}
