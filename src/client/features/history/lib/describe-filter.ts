import type { HistoryFilter } from '../../../../shared/history/history-api';
import { FACET_LABELS, SOURCE_LABELS, verdictLabel } from './history-words';

// The filter in words, for the line above the list and the ticket: "verdict Failed or Abandoned;
// error code ITEM_LOCKED; last seen from 2026-12-01". Empty when nothing is filtered.
export function describeFilter(filter: HistoryFilter): string[] {
  const parts: string[] = [];
  if (filter.link_token) parts.push(`token ${filter.link_token}`);
  if (filter.link_session_id) parts.push(`link_session_id ${filter.link_session_id}`);
  if (filter.request_id) parts.push(`request_id ${filter.request_id}`);
  if (filter.verdict.length > 0)
    parts.push(`${FACET_LABELS.verdict.toLowerCase()} ${filter.verdict.map(verdictLabel).join(' or ')}`);
  for (const facet of ['error_code', 'institution', 'exit_status'] as const) {
    if (filter[facet].length > 0)
      parts.push(`${FACET_LABELS[facet].toLowerCase()} ${filter[facet].join(' or ')}`);
  }
  if (filter.source.length > 0)
    parts.push(`from ${filter.source.map((source) => SOURCE_LABELS[source].toLowerCase()).join(' or ')}`);
  if (filter.from && filter.to) parts.push(`last seen from ${filter.from} to before ${filter.to}`);
  else if (filter.from) parts.push(`last seen from ${filter.from}`);
  else if (filter.to) parts.push(`last seen before ${filter.to}`);
  return parts;
}
