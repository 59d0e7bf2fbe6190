// Link's callback fields as Plaid's API names them, and how to find them under any SDK's spelling:
// the web SDK logs snake_case (link_session_id), React Native and Android camelCase
// (linkSessionId), iOS with capitals (linkSessionID). Folding case and dropping underscores makes
// all three the same key.

// LinkEventMetadata in Plaid's API (the EVENTS webhook, /link/token/get) and the web SDK's
// PlaidLinkOnEventMetadata; the mobile SDKs' LinkEventMetadata spell the same fields in camelCase.
export const EVENT_METADATA_FIELDS = [
  'error_code',
  'error_message',
  'error_type',
  'exit_status',
  'institution_id',
  'institution_name',
  'institution_search_query',
  'request_id',
  'mfa_type',
  'view_name',
  'selection',
  'brand_name',
  'match_reason',
  'routing_number',
  'account_number_mask',
] as const;

// The fields an onExit error carries (PlaidLinkError on the web, LinkError on mobile, where the
// display message was once errorDisplayMessage).
export const ERROR_FIELDS = {
  error_type: ['error_type'],
  error_code: ['error_code'],
  error_message: ['error_message'],
  display_message: ['display_message', 'error_display_message'],
} as const;

export const ACCOUNT_FIELDS = ['id', 'name', 'mask', 'type', 'subtype', 'verification_status'] as const;

export function fieldKey(name: string): string {
  return name.replaceAll('_', '').toLowerCase();
}

export type Fields = ReadonlyMap<string, unknown>;

// An object's fields under their folded keys; null when the value is not a plain object.
export function fieldsOf(value: unknown): Fields | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return new Map(Object.entries(value).map(([key, item]) => [fieldKey(key), item]));
}

export function field(fields: Fields, name: string): unknown {
  return fields.get(fieldKey(name));
}

export function stringField(fields: Fields, ...names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = field(fields, name);
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
