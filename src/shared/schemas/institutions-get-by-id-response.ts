import { z } from 'zod';

// Plaid's InstitutionsGetByIdResponse (OpenAPI 2020-09-14, vendored in ../spec). Like
// link-token-get-response.ts: faithful to the spec on what is required and what may be null, open
// where Plaid evolves (objects keep unknown fields, enums accept values not published yet), so a
// newer Plaid answer is shown, not rejected.

const dateTime = z.iso.datetime({ offset: true });

// Fractions of recent attempts (they sum to 1), over the last few minutes to six hours.
export const ProductStatusBreakdownSchema = z.looseObject({
  success: z.number(),
  error_plaid: z.number(),
  error_institution: z.number(),
  // NORMAL, DELAYED, STOPPED: only for the *_updates products.
  refresh_interval: z.string().optional(),
});
export type ProductStatusBreakdown = z.infer<typeof ProductStatusBreakdownSchema>;

// null: not enough traffic for Plaid to report this product.
export const ProductStatusSchema = z
  .looseObject({
    // HEALTHY, DEGRADED, DOWN. Required by the spec but deprecated in favour of `breakdown`, so
    // Plaid may stop sending it; nothing here depends on it.
    status: z.string().optional(),
    last_status_change: dateTime,
    breakdown: ProductStatusBreakdownSchema,
  })
  .nullable();
export type ProductStatus = z.infer<typeof ProductStatusSchema>;

export const IncidentUpdateSchema = z.looseObject({
  description: z.string().optional(),
  // INVESTIGATING, IDENTIFIED, SCHEDULED, RESOLVED, UNKNOWN.
  status: z.string().optional(),
  updated_date: dateTime.optional(),
});
export type IncidentUpdate = z.infer<typeof IncidentUpdateSchema>;

export const HealthIncidentSchema = z.looseObject({
  start_date: dateTime,
  // null or absent: still going on.
  end_date: dateTime.nullable().optional(),
  title: z.string(),
  incident_updates: z.array(IncidentUpdateSchema),
});
export type HealthIncident = z.infer<typeof HealthIncidentSchema>;

// null: not enough traffic for Plaid to report the institution's status. Absent when status was
// not asked for; Plaid reports none in Sandbox. Products Plaid adds later arrive as unknown keys.
export const InstitutionStatusSchema = z
  .looseObject({
    item_logins: ProductStatusSchema.optional(),
    transactions_updates: ProductStatusSchema.optional(),
    auth: ProductStatusSchema.optional(),
    identity: ProductStatusSchema.optional(),
    investments_updates: ProductStatusSchema.optional(),
    liabilities_updates: ProductStatusSchema.optional(),
    liabilities: ProductStatusSchema.optional(),
    investments: ProductStatusSchema.optional(),
    health_incidents: z.array(HealthIncidentSchema).nullable().optional(),
  })
  .nullable();
export type InstitutionStatus = z.infer<typeof InstitutionStatusSchema>;

// Plaid's Institution (named for what it holds, beside the { name, institution_id } pairs that
// link sessions carry).
export const InstitutionDetailsSchema = z.looseObject({
  institution_id: z.string(),
  name: z.string(),
  products: z.array(z.string()),
  country_codes: z.array(z.string()),
  // url, primary_color and logo (a base64 PNG) come with include_optional_metadata.
  url: z.string().nullable().optional(),
  primary_color: z.string().nullable().optional(),
  logo: z.string().nullable().optional(),
  routing_numbers: z.array(z.string()),
  dtc_numbers: z.array(z.string()).optional(),
  oauth: z.boolean(),
  status: InstitutionStatusSchema.optional(),
  // Not read by this tool: checked only as objects (or null).
  payment_initiation_metadata: z.looseObject({}).nullable().optional(),
  auth_metadata: z
    .looseObject({ supported_methods: z.looseObject({}).nullable() })
    .nullable()
    .optional(),
});
export type InstitutionDetails = z.infer<typeof InstitutionDetailsSchema>;

export const InstitutionsGetByIdResponseSchema = z.looseObject({
  institution: InstitutionDetailsSchema,
  request_id: z.string(),
});
export type InstitutionsGetByIdResponse = z.infer<typeof InstitutionsGetByIdResponseSchema>;
