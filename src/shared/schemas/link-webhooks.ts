import { z } from 'zod';
import { PLAID_ENVIRONMENTS } from '../link-token';
import { LinkEventSchema } from './link-token-get-response';

// Plaid's LINK webhooks (OpenAPI 2020-09-14: LinkEventsWebhook, LinkSessionFinishedWebhook,
// ItemAddResultWebhook), the ones that say something about a Link session. Open like the lookup's
// schemas (looseObject), so fields Plaid adds later do not make a webhook fail. The server keeps
// them (src/server/webhooks/); the simulator sends them.

const environment = z.enum(PLAID_ENVIRONMENTS);

// A summary of a session's events, sent when it ends (and again, with every event so far, if more
// happen). `environment` is not required by the spec, though Plaid sends it.
export const LinkEventsWebhookSchema = z.looseObject({
  webhook_type: z.literal('LINK'),
  webhook_code: z.literal('EVENTS'),
  link_token: z.string(),
  link_session_id: z.string(),
  events: z.array(LinkEventSchema),
  environment: environment.optional(),
});

// A session ended: SUCCESS or EXITED, with the public tokens it produced.
export const LinkSessionFinishedWebhookSchema = z.looseObject({
  webhook_type: z.literal('LINK'),
  webhook_code: z.literal('SESSION_FINISHED'),
  link_token: z.string(),
  link_session_id: z.string(),
  status: z.string(),
  public_token: z.string().optional(),
  public_tokens: z.array(z.string()).optional(),
  environment,
});

// An Item was added during a session (Hosted Link, Multi-Item Link).
export const ItemAddResultWebhookSchema = z.looseObject({
  webhook_type: z.literal('LINK'),
  webhook_code: z.literal('ITEM_ADD_RESULT'),
  link_token: z.string(),
  link_session_id: z.string(),
  public_token: z.string(),
  environment,
});

export const LinkWebhookSchema = z.discriminatedUnion('webhook_code', [
  LinkEventsWebhookSchema,
  LinkSessionFinishedWebhookSchema,
  ItemAddResultWebhookSchema,
]);
export type LinkWebhook = z.infer<typeof LinkWebhookSchema>;

export const LINK_WEBHOOK_CODES = ['EVENTS', 'SESSION_FINISHED', 'ITEM_ADD_RESULT'] as const;
