import { z } from 'zod';

// Plaid's PlaidError. error_type is an open set: Plaid adds types over time and our own proxy
// answers with PROXY_ERROR, so any string is accepted; the known ones are listed for display.
export const KNOWN_PLAID_ERROR_TYPES = [
  'INVALID_REQUEST',
  'INVALID_RESULT',
  'INVALID_INPUT',
  'INSTITUTION_ERROR',
  'RATE_LIMIT_EXCEEDED',
  'API_ERROR',
  'ITEM_ERROR',
  'ASSET_REPORT_ERROR',
  'BASE_REPORT_ERROR',
  'RECAPTCHA_ERROR',
  'OAUTH_ERROR',
  'PAYMENT_ERROR',
  'BANK_TRANSFER_ERROR',
  'INCOME_VERIFICATION_ERROR',
  'MICRODEPOSITS_ERROR',
  'SANDBOX_ERROR',
  'PARTNER_ERROR',
  'SIGNAL_ERROR',
  'TRANSACTIONS_ERROR',
  'TRANSACTION_ERROR',
  'TRANSFER_ERROR',
  'CHECK_REPORT_ERROR',
  'CONSUMER_REPORT_ERROR',
  'USER_ERROR',
] as const;

export const PlaidErrorSchema = z.looseObject({
  error_type: z.string(),
  error_code: z.string(),
  error_code_reason: z.string().nullable().optional(),
  error_message: z.string(),
  display_message: z.string().nullable(),
  request_id: z.string().optional(),
  causes: z.array(z.unknown()).optional(),
  status: z.number().int().nullable().optional(),
  documentation_url: z.string().optional(),
  suggested_action: z.string().nullable().optional(),
  required_account_subtypes: z.array(z.string()).optional(),
  provided_account_subtypes: z.array(z.string()).optional(),
});
export type PlaidError = z.infer<typeof PlaidErrorSchema>;
