import { z } from 'zod';
import { LinkSessionSchema } from './link-token-get-response';

// The recorder's API for machine clients (docs/api.md, Recordings): an app registers each link
// token right after Plaid's /link/token/create, and the inspector records its Link sessions as they
// happen, so they outlive Plaid's six hours.

export const MAX_TOKENS_PER_REGISTRATION = 100;

// POST /api/recordings: one token, or a list of up to 100. Each is checked on its own.
export const RecordingsRequestSchema = z.union([
  z.strictObject({ link_token: z.string().max(200) }),
  z.strictObject({
    link_tokens: z.array(z.string().max(200)).min(1).max(MAX_TOKENS_PER_REGISTRATION),
  }),
]);
export type RecordingsRequest = z.infer<typeof RecordingsRequestSchema>;

// What became of each token sent, in the order sent. A refused entry does not repeat what was
// sent (it may be a secret sent by mistake, such as an access_token): `index` says which it was.
export const RegistrationResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    index: z.number().int(),
    link_token: z.string(),
    // registered: new for this key; already registered: this key had sent it before.
    outcome: z.enum(['registered', 'already registered']),
  }),
  z.object({
    index: z.number().int(),
    outcome: z.literal('refused'),
    error_code: z.string(),
    error_message: z.string(),
  }),
]);
export type RegistrationResult = z.infer<typeof RegistrationResultSchema>;

export const RecordingsResponseSchema = z.object({
  results: z.array(RegistrationResultSchema),
  registered: z.number().int(),
  refused: z.number().int(),
});
export type RecordingsResponse = z.infer<typeof RecordingsResponseSchema>;

// Why the recorder stopped (server/recorder/schedule.ts).
export const STOP_REASONS = ['expired', 'abandoned', 'refused', 'deadline'] as const;

// GET /api/recordings/:link_token (and each entry of GET /api/recordings?link_token=…): the
// recording's state and the sessions kept for the token (who looked at them is not the key's
// business, so seen_by is left out).
export const RecordingSchema = z.object({
  link_token: z.string(),
  environment: z.enum(['sandbox', 'production']),
  registered_at: z.iso.datetime({ offset: true }),
  state: z.enum(['recording', 'stopped']),
  stop_reason: z.enum(STOP_REASONS).nullable(),
  next_poll_at: z.iso.datetime({ offset: true }).nullable(),
  last_poll_at: z.iso.datetime({ offset: true }).nullable(),
  last_change_at: z.iso.datetime({ offset: true }),
  polls: z.number().int(),
  sessions: z.array(
    z.object({
      session: LinkSessionSchema,
      source: z.enum(['lookup', 'recording', 'webhook']),
      first_seen_at: z.iso.datetime({ offset: true }),
      seen_at: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type Recording = z.infer<typeof RecordingSchema>;

export const RecordingListSchema = z.object({ recordings: z.array(RecordingSchema) });
export type RecordingList = z.infer<typeof RecordingListSchema>;
