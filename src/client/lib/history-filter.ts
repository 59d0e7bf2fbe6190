import { HistoryFilterSchema, type HistoryFacet, type HistoryFilter } from '../../shared/history/history-api';

// History's filter as query parameters: the same names and values in the address bar
// (?view=history&verdict=failed&error_code=…) and in GET /api/history, so a filtered view can be
// shared and the browser passes its own parameters to the API unchanged.

const TEXT_PARAMS = ['link_token', 'link_session_id', 'request_id', 'from', 'to'] as const;
const LIST_PARAMS = ['verdict', 'error_code', 'institution', 'exit_status', 'source'] as const;
type TextParam = (typeof TEXT_PARAMS)[number];
type ListParam = (typeof LIST_PARAMS)[number];

// Every parameter History owns, in the order the address writes them.
export const HISTORY_PARAMS: readonly string[] = [...TEXT_PARAMS, ...LIST_PARAMS];

export const NO_HISTORY_FILTER: HistoryFilter = HistoryFilterSchema.parse({});

function fieldIsValid(name: TextParam | ListParam, value: string | string[]): boolean {
  return HistoryFilterSchema.pick({ [name]: true } as Record<typeof name, true>).safeParse({ [name]: value })
    .success;
}

// A hand-edited or truncated address must still open History: a value the API would refuse
// (an unknown verdict, an over-long token) is dropped rather than failing the whole view.
export function readHistoryFilter(params: URLSearchParams): HistoryFilter {
  const filter: HistoryFilter = { ...NO_HISTORY_FILTER };
  for (const name of TEXT_PARAMS) {
    const value = params.get(name)?.trim();
    if (value && fieldIsValid(name, value)) filter[name] = value;
  }
  for (const name of LIST_PARAMS) {
    const values = [...new Set(params.getAll(name).map((value) => value.trim()))].filter(
      (value) => value !== '' && fieldIsValid(name, [value]),
    );
    // The enums' values were checked just above.
    (filter[name] as string[]) = values;
  }
  return filter;
}

export function historyFilterParams(filter: HistoryFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of TEXT_PARAMS) {
    const value = filter[name];
    if (value) params.set(name, value);
  }
  for (const name of LIST_PARAMS) for (const value of filter[name]) params.append(name, value);
  return params;
}

export function isHistoryFiltered(filter: HistoryFilter): boolean {
  return historyFilterParams(filter).toString() !== '';
}

// A breakdown count chosen or unchosen: values of one group widen it, groups narrow each other.
export function toggleHistoryFacet(filter: HistoryFilter, facet: HistoryFacet, value: string): HistoryFilter {
  const chosen: readonly string[] = filter[facet];
  const next = chosen.includes(value) ? chosen.filter((entry) => entry !== value) : [...chosen, value];
  return { ...filter, [facet]: next };
}
