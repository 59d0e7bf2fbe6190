import { z } from 'zod';

// Credentials travel to Plaid in HTTP headers, which cannot carry line breaks or control
// characters; Plaid's client IDs and secrets are plain ASCII anyway.
export const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;
export const NOT_PRINTABLE_ASCII =
  'must contain printable ASCII characters only (no line breaks, control characters or accented letters)';

const credential = z.string().trim().min(1).regex(PRINTABLE_ASCII, NOT_PRINTABLE_ASCII);

// Plaid's LinkTokenGetRequest as our API accepts it. Credentials are optional (the server may hold
// its own) but come as a pair: one without the other is always a mistake.
export const LinkTokenGetRequestSchema = z
  .object({
    link_token: z.string().trim().min(1, 'Paste a link token.'),
    client_id: credential.optional(),
    secret: credential.optional(),
  })
  .refine((body) => (body.client_id === undefined) === (body.secret === undefined), {
    message: 'Give both client_id and secret, or neither.',
    path: ['secret'],
  });
export type LinkTokenGetRequest = z.infer<typeof LinkTokenGetRequestSchema>;
