import { z } from 'zod';
import { LinkSessionSchema, LinkTokenGetResponseSchema } from './link-token-get-response';

// What the inspector's store says about a link token (the server's src/server/store/). Kept answers
// are Plaid's, as received, with public tokens masked; the fields here are the inspector's own.

// One Link session as the store holds it: merged across every kept answer that had it
// (shared/kept/merge-sessions.ts), and where and when it was last seen.
export const KeptSessionSchema = z.object({
  session: LinkSessionSchema,
  // lookup: someone looked the token up in the inspector (recording and webhook come later).
  source: z.enum(['lookup', 'recording', 'webhook']),
  first_seen_at: z.iso.datetime({ offset: true }),
  seen_at: z.iso.datetime({ offset: true }),
  // The signed-in user whose lookup saw it last.
  seen_by: z.string(),
});
export type KeptSession = z.infer<typeof KeptSessionSchema>;

// The `kept` field added beside Plaid's answer to POST /api/link/token/get (only when the server
// has a store): the sessions kept before this lookup, and whether this answer is being kept.
export const KeptBesideSchema = z.object({
  // queued: this answer goes to the store (if it differs from the last one kept for the token).
  // not kept: the store could not be reached or is too busy; the lookup itself is unaffected.
  // skipped: Plaid answered with an error, which is not kept.
  status: z.enum(['queued', 'not kept', 'skipped']),
  // null when the store could not be read.
  sessions: z.array(KeptSessionSchema).nullable(),
  // Opens the kept answer without asking Plaid (absolute when the server knows PUBLIC_URL).
  permalink: z.string(),
});
export type KeptBeside = z.infer<typeof KeptBesideSchema>;

// GET /api/kept/:link_token: the newest answer kept for the token and every session kept for it.
export const KeptAnswerSchema = z.object({
  link_token: z.string(),
  environment: z.enum(['sandbox', 'production']),
  seen_at: z.iso.datetime({ offset: true }),
  seen_by: z.string(),
  answer: LinkTokenGetResponseSchema,
  sessions: z.array(KeptSessionSchema),
  permalink: z.string(),
});
export type KeptAnswer = z.infer<typeof KeptAnswerSchema>;

// POST /api/kept/read: a batch's tokens (a reloaded batch); the answers kept for them, as GET
// /api/kept/:link_token gives each, and the tokens the store holds no answer for. At most this many
// tokens a request, so the body stays under the API's 16 KB limit (a batch of 500 takes two).
export const KEPT_READ_MAX_TOKENS = 250;
export const KeptReadRequestSchema = z.object({
  link_tokens: z.array(z.string().min(1).max(200)).min(1).max(KEPT_READ_MAX_TOKENS),
});
export const KeptReadResponseSchema = z.object({
  kept: z.array(KeptAnswerSchema),
  not_kept: z.array(z.string()),
});
export type KeptReadResponse = z.infer<typeof KeptReadResponseSchema>;

// DELETE /api/kept: tokens to forget, with everything kept about them.
export const KeptDeleteRequestSchema = z.object({
  link_tokens: z.array(z.string().min(1).max(200)).min(1).max(1000),
});
export const KeptDeleteResponseSchema = z.object({ deleted: z.number().int() });
