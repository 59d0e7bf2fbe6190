import type { HistoryPage } from '../../shared/history/history-api';

// The short text an assistant reads beside search_sessions' structured content (History's page).
export function historyText(page: HistoryPage): string {
  const verdicts = page.verdict_totals.map(({ value, count }) => `${count} ${value}`).join(', ');
  const banks = page.banks
    .slice(0, 3)
    .map((bank) => `${bank.institution} (${bank.failed} of ${bank.total} failed)`)
    .join(', ');
  return [
    page.total === 0 ? 'No kept token matches.' : `${page.total} kept tokens match: ${verdicts}.`,
    ...(banks ? [`Banks with the most failures: ${banks}.`] : []),
    ...page.rows.slice(0, 5).map((row) => `${row.last_seen_at} ${row.link_token}: ${row.headline}`),
    ...(page.next ? ['More tokens match: call again with after = next.'] : []),
  ].join('\n');
}
