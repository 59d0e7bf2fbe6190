import { API_PATHS } from '../../shared/api-paths';
import { HistoryPageSchema, type HistoryFilter, type HistoryPage } from '../../shared/history/history-api';
import { historyFilterParams } from '../lib/history-filter';
import { requestJson, requestText } from './request-json';

// GET /api/history: one page of what the inspector's store holds, newest first, with the breakdown
// of the whole filtered set; `after` is the previous page's `next` (keyset paging). An ApiError
// otherwise (STORE_UNAVAILABLE, UNAUTHORIZED, …).
export async function getHistoryPage(
  filter: HistoryFilter,
  after: string | null,
  options: { signal?: AbortSignal } = {},
): Promise<HistoryPage> {
  const params = historyFilterParams(filter);
  if (after !== null) params.set('after', after);
  const query = params.toString();
  const path = query === '' ? API_PATHS.history : `${API_PATHS.history}?${query}`;
  return (await requestJson(path, HistoryPageSchema, options)).data;
}

// The filtered list, page after page as "Load more" asks: one cache entry per filter, so Back to a
// filter seen before shows it at once (and refreshes it).
export function historyQuery(filter: HistoryFilter) {
  return {
    queryKey: ['history', historyFilterParams(filter).toString()],
    queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
      getHistoryPage(filter, pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page: HistoryPage) => page.next,
  } as const;
}

export type HistoryExportFormat = 'csv' | 'json';

// GET /api/history/export: the whole filtered list as the server writes it, for a download.
export async function getHistoryExport(
  filter: HistoryFilter,
  format: HistoryExportFormat,
): Promise<{ text: string; type: string }> {
  const params = historyFilterParams(filter);
  params.set('format', format);
  return requestText(`${API_PATHS.historyExport}?${params.toString()}`);
}
