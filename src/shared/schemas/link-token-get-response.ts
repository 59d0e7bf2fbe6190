import { z } from 'zod';
import { PlaidErrorSchema } from './plaid-error';

// Plaid's LinkTokenGetResponse (OpenAPI 2020-09-14, vendored in ../spec). Faithful to the spec on
// what is required and what may be null, and deliberately open where Plaid evolves: every object
// keeps unknown fields (looseObject) and every enum accepts values it does not know yet (string),
// so a newer Plaid answer is shown, not rejected.

const dateTime = z.iso.datetime({ offset: true });

export const InstitutionSchema = z
  .looseObject({ name: z.string().optional(), institution_id: z.string().optional() })
  .nullable();

export const AccountSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  mask: z.string().nullable().optional(),
  type: z.string().optional(),
  subtype: z.string().optional(),
  verification_status: z.string().nullable().optional(),
  class_type: z.string().nullable().optional(),
});
export type Account = z.infer<typeof AccountSchema>;

export const LinkEventMetadataSchema = z.looseObject({
  error_code: z.string().optional(),
  error_message: z.string().optional(),
  error_type: z.string().optional(),
  exit_status: z.string().optional(),
  institution_id: z.string().optional(),
  institution_name: z.string().optional(),
  institution_search_query: z.string().optional(),
  request_id: z.string().optional(),
  mfa_type: z.string().optional(),
  view_name: z.string().optional(),
  selection: z.string().optional(),
  brand_name: z.string().optional(),
  match_reason: z.string().optional(),
  routing_number: z.string().optional(),
  account_number_mask: z.string().optional(),
});

export const LinkEventSchema = z.looseObject({
  event_name: z.string(),
  timestamp: z.string(),
  event_id: z.string(),
  event_metadata: LinkEventMetadataSchema,
});
export type LinkEvent = z.infer<typeof LinkEventSchema>;

const itemAddResult = z.looseObject({
  public_token: z.string(),
  accounts: z.array(AccountSchema),
  institution: InstitutionSchema,
});
const craItemResult = z.looseObject({
  item_id: z.string(),
  accounts: z.array(AccountSchema),
  institution: InstitutionSchema,
});
const bankIncomeResult = z.looseObject({
  status: z.string(),
  item_id: z.string(),
  institution: InstitutionSchema,
});
const payrollIncomeResult = z.looseObject({
  num_paystubs_retrieved: z.number().int(),
  num_w2s_retrieved: z.number().int(),
  institution: InstitutionSchema,
});
const documentIncomeResult = z
  .looseObject({
    num_paystubs_uploaded: z.number().int(),
    num_w2s_uploaded: z.number().int(),
    num_bank_statements_uploaded: z.number().int(),
    num_1099s_uploaded: z.number().int(),
  })
  .nullable();
const craDocumentUploadResult = z.looseObject({ num_bank_statements_uploaded: z.number().int() }).nullable();

export const LinkSessionResultsSchema = z
  .looseObject({
    item_add_results: z.array(itemAddResult),
    cra_item_add_results: z.array(craItemResult),
    cra_update_results: z.array(craItemResult),
    bank_income_results: z.array(bankIncomeResult),
    payroll_income_results: z.array(payrollIncomeResult),
    document_income_results: documentIncomeResult,
    cra_document_upload_results: craDocumentUploadResult.optional(),
  })
  .nullable();
export type LinkSessionResults = z.infer<typeof LinkSessionResultsSchema>;

const successMetadata = z
  .looseObject({
    institution: InstitutionSchema.optional(),
    accounts: z.array(AccountSchema).optional(),
    link_session_id: z.string().optional(),
    transfer_status: z.string().nullable().optional(),
  })
  .nullable();

export const LinkSessionSuccessSchema = z
  .looseObject({ public_token: z.string(), metadata: successMetadata })
  .nullable();

const exitMetadata = z
  .looseObject({
    institution: InstitutionSchema.optional(),
    status: z.string().optional(),
    link_session_id: z.string().optional(),
    request_id: z.string().optional(),
  })
  .nullable();

export const LinkSessionExitSchema = z
  .looseObject({ error: PlaidErrorSchema.nullable(), metadata: exitMetadata })
  .nullable();
export type LinkSessionExit = z.infer<typeof LinkSessionExitSchema>;

export const LinkSessionSchema = z.looseObject({
  link_session_id: z.string(),
  started_at: dateTime.optional(),
  finished_at: dateTime.nullable().optional(),
  on_success: LinkSessionSuccessSchema.optional(),
  on_exit: LinkSessionExitSchema.optional(),
  exit: LinkSessionExitSchema.optional(),
  events: z.array(LinkEventSchema).optional(),
  results: LinkSessionResultsSchema.optional(),
});
export type LinkSession = z.infer<typeof LinkSessionSchema>;

const accountFilter = z.looseObject({
  account_subtypes: z.array(z.string()),
  limited_purpose_types: z.array(z.string()).optional(),
});

export const LinkTokenMetadataSchema = z.looseObject({
  initial_products: z.array(z.string()),
  webhook: z.string().nullable(),
  country_codes: z.array(z.string()),
  language: z.string().nullable(),
  institution_data: z.looseObject({ routing_number: z.string().optional() }).optional(),
  account_filters: z
    .looseObject({
      depository: accountFilter.optional(),
      credit: accountFilter.optional(),
      loan: accountFilter.optional(),
      investment: accountFilter.optional(),
    })
    .optional(),
  redirect_uri: z.string().nullable(),
  client_name: z.string().nullable(),
});
export type LinkTokenMetadata = z.infer<typeof LinkTokenMetadataSchema>;

export const LinkTokenGetResponseSchema = z.looseObject({
  link_token: z.string(),
  created_at: dateTime.nullable(),
  expiration: dateTime.nullable(),
  link_sessions: z.array(LinkSessionSchema).optional(),
  metadata: LinkTokenMetadataSchema,
  user_id: z.string().optional(),
  request_id: z.string(),
});
export type LinkTokenGetResponse = z.infer<typeof LinkTokenGetResponseSchema>;
