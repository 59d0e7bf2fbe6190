import { z } from 'zod';

// A QA profile: what a link token should be, written down once by a QA engineer and kept in the
// store for the team (issue 30). This schema is the single definition of a profile: the editor's
// form, the API (/api/qa-profiles, POST /api/checks) and the JSON import all parse with it.
// Every expectation is optional: a profile checks only what it names.

export const QA_PROFILE_NAME_MAX_CHARS = 100;

// Plaid's /link/token/get answer returns only `initial_products`; a profile may still name the
// other lists (so it can mirror the app's /link/token/create call), and their checks then read
// "cannot be checked from Plaid's answer".
export const PRODUCT_LISTS = [
  'initial_products',
  'additional_consented_products',
  'optional_products',
  'required_if_supported_products',
] as const;
export type ProductList = (typeof PRODUCT_LISTS)[number];

const productNames = z.array(z.string().trim().min(1).max(100)).max(30);

// Plaid's account_filters as /link/token/create takes them: subtypes per account type.
// partialRecord: zod 4's z.record with enum keys requires every key; a profile names only some.
const AccountFiltersSchema = z.partialRecord(
  z.enum(['depository', 'credit', 'loan', 'investment']),
  z.object({ account_subtypes: z.array(z.string().trim().min(1).max(100)).max(50) }),
);

// How the token's Link session should end. `institution` (a name or an ins_ id) narrows any of
// them; `error_code` a failure; `step` an abandonment (a StepKind of shared/diagnosis, e.g.
// "credentials").
export const ExpectedOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('linked'), institution: z.string().trim().min(1).max(200).optional() }),
  z.object({
    kind: z.literal('failed'),
    error_code: z.string().trim().min(1).max(100).optional(),
    institution: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({
    kind: z.literal('abandoned'),
    step: z.string().trim().min(1).max(100).optional(),
    institution: z.string().trim().min(1).max(200).optional(),
  }),
]);
export type ExpectedOutcome = z.infer<typeof ExpectedOutcomeSchema>;

export const QaExpectationsSchema = z.object({
  products: z.partialRecord(z.enum(PRODUCT_LISTS), productNames).optional(),
  country_codes: z.array(z.string().trim().length(2).toUpperCase()).max(30).optional(),
  language: z.string().trim().min(2).max(10).optional(),
  // null: the token must have no webhook / redirect_uri.
  webhook: z.url().max(2000).nullable().optional(),
  redirect_uri: z.url().max(2000).nullable().optional(),
  client_name: z.string().trim().min(1).max(200).optional(),
  account_filters: AccountFiltersSchema.optional(),
  // From created_at to expiration, in minutes (30 for an update-mode token, 240 by default).
  lifetime_minutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .optional(),
  outcome: ExpectedOutcomeSchema.optional(),
});
export type QaExpectations = z.infer<typeof QaExpectationsSchema>;

// What the editor sends and what an import file holds (one profile or a list of them).
export const QaProfileInputSchema = z.object({
  name: z.string().trim().min(1).max(QA_PROFILE_NAME_MAX_CHARS),
  description: z.string().trim().max(1000).optional(),
  expectations: QaExpectationsSchema,
});
export type QaProfileInput = z.infer<typeof QaProfileInputSchema>;

// A kept profile: the input plus its stable id and who changed it last.
export const QaProfileSchema = QaProfileInputSchema.extend({
  id: z.string(),
  created_by: z.string(),
  created_at: z.iso.datetime({ offset: true }),
  updated_by: z.string(),
  updated_at: z.iso.datetime({ offset: true }),
});
export type QaProfile = z.infer<typeof QaProfileSchema>;

// The export file: profiles as inputs (no ids), so importing into another inspector creates them.
export const QaProfileExportSchema = z.object({
  kind: z.literal('link-token-inspector/qa-profiles'),
  version: z.literal(1),
  profiles: z.array(QaProfileInputSchema).max(500),
});
export type QaProfileExport = z.infer<typeof QaProfileExportSchema>;
