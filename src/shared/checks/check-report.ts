import { z } from 'zod';

// The result of checking one lookup against a QA profile (issue 30): one row per expectation the
// profile names, expected and actual side by side. The check list in the answer, the evidence
// report (HTML and Markdown) and POST /api/checks all use this one shape.

// pass: the answer shows what was expected. fail: it shows something else (a finding at Problem
// level). unknown: the answer cannot tell (a product list Plaid's answer does not return, an
// outcome with no session yet); never counted as a pass.
export const CHECK_STATUSES = ['pass', 'fail', 'unknown'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const CheckRowSchema = z.object({
  // Which expectation: 'products.initial_products', 'country_codes', 'webhook', 'outcome', …
  expectation: z.string(),
  // Words for the row's first column: "Initial products", "Country codes".
  label: z.string(),
  // Both sides as one line of text each ("auth, transactions"; "none"; "linked at Tartan Bank").
  expected: z.string(),
  actual: z.string(),
  status: z.enum(CHECK_STATUSES),
  // Why, when the status alone does not say it ("cannot be checked from Plaid's answer").
  note: z.string().optional(),
});
export type CheckRow = z.infer<typeof CheckRowSchema>;

export const CheckReportSchema = z.object({
  profile: z.object({ id: z.string(), name: z.string() }),
  link_token: z.string(),
  // pass only when every row passes; fail when any row fails; unknown otherwise.
  status: z.enum(CHECK_STATUSES),
  rows: z.array(CheckRowSchema),
  // When the answer checked was Plaid's (or kept), ISO date-time.
  checked_at: z.iso.datetime({ offset: true }),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;

// POST /api/checks: a token and a profile id; answers a CheckReport (200 whether it passed or
// not; the status says which) or a JSON error.
export const CheckRequestSchema = z.object({
  link_token: z.string().trim().min(1).max(200),
  profile_id: z.string().trim().min(1).max(100),
});
export type CheckRequest = z.infer<typeof CheckRequestSchema>;
