import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { STEP_LABELS, VERDICT_LABELS, type StepKind } from '../../shared/diagnosis';
import { csvLines } from '../../shared/domain/csv';
import {
  HISTORY_EXPORT_MAX_ROWS,
  HistoryExportRequestSchema,
  HistoryFilterSchema,
  HistoryPageRequestSchema,
  type HistoryFilter,
  type HistoryPage,
  type HistoryRow,
} from '../../shared/history/history-api';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import { decodeCursor, type StoredHistoryRow } from '../store/history';
import type { Store } from '../store/store';
import { keptPermalink } from './kept-beside';

// History's endpoints (docs/api.md): a page of what the store holds with the breakdown, and the
// whole filtered list as a download. Behind the same sign-in as lookups; each read and export is
// written to the audit log with the user and the filter.

const NO_STORE = 'This server keeps no answers, so it has no History.';
const STORE_DOWN =
  'The store of kept answers cannot be reached right now, so History cannot be shown; lookups still work.';

// The groups that take several values (?verdict=failed&verdict=abandoned); every other filter takes one.
const REPEATABLE = new Set(['verdict', 'error_code', 'institution', 'exit_status', 'source']);

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

// The query string as the contract's schema reads it: repeatable filters as arrays, the others as
// one value. Parameters the contract does not name (the address bar's ?view=history) are ignored.
function parseQuery<S extends z.ZodType>(c: Context, schema: S): Parsed<z.infer<S>> {
  const input: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (REPEATABLE.has(name)) input[name] = values;
    else if (values.length > 1)
      return { ok: false, message: `Give ${name} once (it was given ${values.length} times).` };
    else input[name] = values[0]!;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, message: `${issue.path.join('.') || 'query'}: ${issue.message}` };
}

// The filter alone (no paging, no format), for the audit log and the export's query.
function filterOf(request: HistoryFilter): HistoryFilter {
  return HistoryFilterSchema.parse(request);
}

export function historyRoutes(config: Config, store: Store | undefined) {
  const withPermalink = (row: StoredHistoryRow): HistoryRow => ({
    ...row,
    permalink: keptPermalink(config.publicUrl, row.link_token),
  });

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE);
      const request = parseQuery(c, HistoryPageRequestSchema);
      if (!request.ok) return respondWithProxyError(c, 'INVALID_QUERY', request.message);
      if (request.value.after !== undefined && !decodeCursor(request.value.after))
        return respondWithProxyError(
          c,
          'INVALID_QUERY',
          'after: not a page this server gave (use the `next` of the page before, or leave it out for the first page).',
        );
      c.get('log').info(
        { audit: 'history.read', user: c.get('user'), filter: filterOf(request.value) },
        'history read',
      );
      let page;
      try {
        page = await store.history(request.value);
      } catch {
        return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
      }
      const answer: HistoryPage = { ...page, rows: page.rows.map(withPermalink) };
      return c.json(answer);
    })
    .get('/export', async (c) => {
      if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE);
      const request = parseQuery(c, HistoryExportRequestSchema);
      if (!request.ok) return respondWithProxyError(c, 'INVALID_QUERY', request.message);
      const filter = filterOf(request.value);
      c.get('log').info(
        { audit: 'history.export', user: c.get('user'), format: request.value.format, filter },
        'history exported',
      );
      let rows;
      try {
        rows = (await store.historyRows(filter, HISTORY_EXPORT_MAX_ROWS)).map(withPermalink);
      } catch {
        return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
      }
      const exportedAt = new Date();
      const name = `history-${exportedAt.toISOString().slice(0, 19).replace(/:/g, '-')}`;
      if (request.value.format === 'csv') {
        c.header('Content-Disposition', `attachment; filename="${name}.csv"`);
        c.header('Content-Type', 'text/csv; charset=utf-8');
        return c.body(toCsv(rows));
      }
      c.header('Content-Disposition', `attachment; filename="${name}.json"`);
      return c.json({
        exported_at: exportedAt.toISOString(),
        filter,
        // At most HISTORY_EXPORT_MAX_ROWS, newest first: a longer list is cut, and says so.
        limit: HISTORY_EXPORT_MAX_ROWS,
        tokens: rows.map((row) =>
          Object.fromEntries(COLUMNS.map((column) => [column.header, column.value(row)])),
        ),
      });
    });
}

// The columns of batch's export (features/batch/lib/export-batch.ts) that the store knows, in the
// same words, then where each token was seen and its permalink.
const COLUMNS: { header: string; value: (row: HistoryRow) => string | number | null }[] = [
  { header: 'link_token', value: (row) => row.link_token },
  { header: 'environment', value: (row) => row.environment },
  { header: 'verdict', value: (row) => VERDICT_LABELS[row.verdict] },
  { header: 'summary', value: (row) => row.headline },
  { header: 'error_code', value: (row) => row.error_code },
  { header: 'exit_status', value: (row) => row.exit_status },
  { header: 'institution', value: (row) => row.institution },
  { header: 'institution_id', value: (row) => row.institution_id },
  {
    header: 'step_reached',
    value: (row) => (row.step_reached && STEP_LABELS[row.step_reached as StepKind]) ?? row.step_reached,
  },
  { header: 'sessions', value: (row) => row.session_count },
  { header: 'last_seen_at', value: (row) => row.last_seen_at },
  { header: 'sources', value: (row) => row.sources.join(' ') },
  { header: 'last_source', value: (row) => row.last_source },
  { header: 'permalink', value: (row) => row.permalink },
];

function toCsv(rows: readonly HistoryRow[]): string {
  return csvLines([
    COLUMNS.map((column) => column.header),
    ...rows.map((row) => COLUMNS.map((c) => c.value(row))),
  ]);
}
