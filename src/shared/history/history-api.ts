import { z } from 'zod';
import { VERDICTS } from '../diagnosis/verdict';

// GET /api/history: what the store holds, one row per link token, newest first, with the same
// breakdown as batch (docs/api.md). The filters are the same names in the API's query string and in
// the browser's address bar (?view=history&verdict=failed&error_code=…), so a filtered view can be
// shared and the browser passes its own parameters on unchanged.

export const KEPT_SOURCES = ['lookup', 'recording', 'webhook'] as const;
export type KeptSourceName = (typeof KEPT_SOURCES)[number];

// The groups of the breakdown; choices in one group widen it (any of them), groups narrow each
// other (all of them), as in batch.
export const HISTORY_FACETS = ['verdict', 'error_code', 'institution', 'exit_status'] as const;
export type HistoryFacet = (typeof HISTORY_FACETS)[number];

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Expected an ISO date (2026-12-05) or date-time (2026-12-05T10:00:00Z).',
});

// Repeated parameters (?verdict=failed&verdict=abandoned) choose several values of one group.
export const HistoryFilterSchema = z.object({
  // Exact matches (a link token is compared as checkLinkToken normalises it).
  link_token: z.string().max(200).optional(),
  link_session_id: z.string().max(200).optional(),
  // Plaid's request_id of any kept answer of the token.
  request_id: z.string().max(200).optional(),
  verdict: z.array(z.enum(VERDICTS)).default([]),
  error_code: z.array(z.string().max(100)).default([]),
  // The institution's name as the row shows it.
  institution: z.array(z.string().max(200)).default([]),
  exit_status: z.array(z.string().max(100)).default([]),
  source: z.array(z.enum(KEPT_SOURCES)).default([]),
  // Last seen on or after `from`, before `to` (ISO dates or date-times; a date means its start, UTC).
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>;

// Paging: `after` is the `next` of the page before (opaque: keyset on last_seen_at, link_token).
export const HistoryPageRequestSchema = HistoryFilterSchema.extend({
  after: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type HistoryPageRequest = z.infer<typeof HistoryPageRequestSchema>;

export const HistoryRowSchema = z.object({
  link_token: z.string(),
  environment: z.enum(['sandbox', 'production']),
  verdict: z.enum(VERDICTS),
  // The diagnosis's one sentence, as the lookup's verdict says it.
  headline: z.string(),
  institution: z.string().nullable(),
  institution_id: z.string().nullable(),
  error_code: z.string().nullable(),
  exit_status: z.string().nullable(),
  // A StepKind of shared/diagnosis (where the verdict's session stopped).
  step_reached: z.string().nullable(),
  session_count: z.number().int(),
  last_seen_at: z.iso.datetime({ offset: true }),
  // Where what the store holds about the token came from, and the source of the newest.
  sources: z.array(z.enum(KEPT_SOURCES)),
  last_source: z.enum(KEPT_SOURCES),
  // Opens the kept answer without asking Plaid (?link_token=…&kept=1).
  permalink: z.string(),
});
export type HistoryRow = z.infer<typeof HistoryRowSchema>;

export const HistoryCountSchema = z.object({ value: z.string(), count: z.number().int() });
export type HistoryCount = z.infer<typeof HistoryCountSchema>;

// Banks ranked by failed tokens (most first), for the "which bank" panel and its health.
export const HistoryBankSchema = z.object({
  institution: z.string(),
  institution_id: z.string().nullable(),
  failed: z.number().int(),
  total: z.number().int(),
  // Most frequent error codes of its failed tokens, most first (at most 3).
  top_error_codes: z.array(HistoryCountSchema),
});
export type HistoryBank = z.infer<typeof HistoryBankSchema>;

export const HistoryPageSchema = z.object({
  rows: z.array(HistoryRowSchema),
  // null on the last page.
  next: z.string().nullable(),
  // Tokens matching the whole filter (all pages).
  total: z.number().int(),
  // Each group counted over the whole filtered set with the other groups' choices applied, so a
  // count is what choosing it would show. Verdicts worst first, the others by count.
  breakdown: z.object({
    verdict: z.array(HistoryCountSchema),
    error_code: z.array(HistoryCountSchema),
    institution: z.array(HistoryCountSchema),
    exit_status: z.array(HistoryCountSchema),
  }),
  // The whole filtered set by verdict, worst first, for the proportional bar.
  verdict_totals: z.array(HistoryCountSchema),
  banks: z.array(HistoryBankSchema),
  // Kept tokens whose verdict came from older rules and is being diagnosed again in the background
  // (0 when all are current): the page says some verdicts are still being brought up to date.
  outdated_verdicts: z.number().int(),
});
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

// GET /api/history/export?format=csv|json&<filters>: the whole filtered list (up to
// HISTORY_EXPORT_MAX_ROWS, newest first) as a download, with the columns of batch's export that the
// store knows.
export const HISTORY_EXPORT_MAX_ROWS = 10_000;
export const HISTORY_EXPORT_FORMATS = ['csv', 'json'] as const;
export const HistoryExportRequestSchema = HistoryFilterSchema.extend({
  format: z.enum(HISTORY_EXPORT_FORMATS),
});
export type HistoryExportRequest = z.infer<typeof HistoryExportRequestSchema>;
