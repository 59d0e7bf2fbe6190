import { z } from 'zod';

// API keys let machine clients (an integrating team's backend, an MCP client) call the few
// endpoints made for them, without a user's sign-in. A key opens only what its scopes name:
// - recordings:write: register link tokens for the recorder to follow;
// - recordings:read: read what the key's own registrations recorded;
// - mcp: the MCP endpoint;
// - checks:run: POST /api/checks (a QA suite asserting on a token against a QA profile).
// Nothing else: no lookups, no History, no deletion; those need a signed-in user.
export const API_KEY_SCOPES = ['recordings:write', 'recordings:read', 'mcp', 'checks:run'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_NAME_MAX_CHARS = 100;

// POST /api/keys.
export const ApiKeyCreateRequestSchema = z.object({
  // Says who uses the key and what for ("billing backend, production"); shown in the list and in
  // the audit log.
  name: z.string().trim().min(1).max(API_KEY_NAME_MAX_CHARS),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1)
    .refine((scopes) => new Set(scopes).size === scopes.length, { error: 'names a scope twice' }),
});
export type ApiKeyCreateRequest = z.infer<typeof ApiKeyCreateRequestSchema>;

// A key as listed: everything but the key itself, which the server does not keep.
export const ApiKeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  // The signed-in user who made it.
  created_by: z.string(),
  created_at: z.iso.datetime({ offset: true }),
  // Null when it was never used. Updated at most once a minute.
  last_used_at: z.iso.datetime({ offset: true }).nullable(),
  // Null while the key works.
  revoked_at: z.iso.datetime({ offset: true }).nullable(),
  revoked_by: z.string().nullable(),
});
export type ApiKeySummary = z.infer<typeof ApiKeySummarySchema>;

// The answer to POST /api/keys: the only time the key itself is shown.
export const ApiKeyCreatedSchema = ApiKeySummarySchema.extend({ key: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreatedSchema>;

// The answer to GET /api/keys, newest first, revoked keys included.
export const ApiKeyListSchema = z.object({
  keys: z.array(ApiKeySummarySchema),
  // False when the server has no sign-in (AUTH_USERS or AUTH_TRUSTED_HEADER): it then answers only
  // on its own machine, and every key is made by "local".
  sign_in: z.boolean(),
});
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>;
