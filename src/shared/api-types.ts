import { z } from 'zod';

// What GET /api/config tells the browser: enough to label the mode and shape the form, never a
// secret.
export const ServerInfoSchema = z.object({
  mode: z.enum(['simulator', 'plaid']),
  // Environments for which the server holds credentials, so the form can say they are optional.
  serverCredentials: z.array(z.enum(['sandbox', 'production'])),
  allowRequestCredentials: z.boolean(),
  // RATE_LIMIT_PER_MINUTE: API requests each user may make per minute, so a batch can say how long
  // it will take before it starts.
  rateLimitPerMinute: z.number().int().positive(),
  // PUBLIC_URL: the address people reach the server at, for links that leave the browser (a
  // ticket's link back); null when the server was not told it.
  publicUrl: z.string().nullable(),
});
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

// GET /api/simulator/tokens (simulator mode only).
export const SimulatorTokenSchema = z.object({
  link_token: z.string(),
  scenario: z.string(),
  description: z.string(),
});
export const SimulatorTokenListSchema = z.object({ tokens: z.array(SimulatorTokenSchema) });
export type SimulatorToken = z.infer<typeof SimulatorTokenSchema>;
