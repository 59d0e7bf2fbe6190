import { z } from 'zod';

// Plaid's LinkTokenGetRequest as our API accepts it. Credentials are optional (the server may hold
// its own) but come as a pair: one without the other is always a mistake.
export const LinkTokenGetRequestSchema = z
  .object({
    link_token: z.string().trim().min(1, 'Paste a link token.'),
    client_id: z.string().trim().min(1).optional(),
    secret: z.string().trim().min(1).optional(),
  })
  .refine((body) => (body.client_id === undefined) === (body.secret === undefined), {
    message: 'Give both client_id and secret, or neither.',
    path: ['secret'],
  });
export type LinkTokenGetRequest = z.infer<typeof LinkTokenGetRequestSchema>;
