import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { checkLinkToken } from '../../shared/link-token';
import {
  KEPT_READ_MAX_TOKENS,
  KeptDeleteRequestSchema,
  KeptReadRequestSchema,
  type KeptAnswer,
  type KeptReadResponse,
} from '../../shared/schemas/kept';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import type { KeptToken } from '../store/kept-answers';
import type { Store } from '../store/store';
import { keptPermalink } from './kept-beside';

// The store's own endpoints (docs/api.md): read what was kept about a token without asking Plaid
// (a permalink for a ticket), or about a batch's tokens at once (a reloaded batch), and forget tokens
// (data-subject requests). Each is written to the audit log with the user, as lookups are.

const NO_STORE = 'This server keeps no answers.';
const STORE_DOWN =
  'The store of kept answers cannot be reached right now; look the token up with Plaid meanwhile.';

export function keptRoutes(config: Config, store: Store | undefined) {
  return (
    new Hono<AppEnv>()
      .get('/:link_token', async (c) => {
        if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE);
        const token = checkLinkToken(c.req.param('link_token'));
        if (!token.ok) return respondWithProxyError(c, token.code, token.message);
        c.get('log').info(
          { audit: 'kept.read', user: c.get('user'), link_token: token.token },
          'kept answer read',
        );
        let kept;
        try {
          kept = await store.read(token.token);
        } catch {
          return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
        }
        // Known only from Plaid's webhooks (routes/plaid-webhook.ts): sessions, but no answer to show
        // them beside; a lookup shows them.
        if (kept && !kept.answer && kept.sessions.length > 0) {
          return respondWithProxyError(
            c,
            'NOT_KEPT',
            `The inspector holds ${kept.sessions.length} session(s) of this token from Plaid's webhooks, but no answer from Plaid: look the token up to see them beside Plaid's answer.`,
          );
        }
        if (!kept?.answer) {
          return respondWithProxyError(
            c,
            'NOT_KEPT',
            'The inspector keeps nothing about this token: nobody looked it up here, or it was deleted or is past retention.',
          );
        }
        return c.json(keptAnswer(config, kept, kept.answer));
      })
      // A batch's tokens at once, in one request (one count against the rate limit), for a batch the
      // page reloaded: each token's answer as GET /:link_token gives it, or its name in not_kept.
      .post(
        '/read',
        zValidator('json', KeptReadRequestSchema, (result, c) => {
          if (!result.success)
            return respondWithProxyError(
              c,
              'INVALID_BODY',
              `Send {"link_tokens": ["link-…", …]} (1 to ${KEPT_READ_MAX_TOKENS} tokens).`,
            );
        }),
        async (c) => {
          if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE);
          const { link_tokens } = c.req.valid('json');
          c.get('log').info(
            { audit: 'kept.read', user: c.get('user'), link_tokens },
            `kept answers of ${link_tokens.length} tokens read`,
          );
          const result: KeptReadResponse = { kept: [], not_kept: [] };
          try {
            for (const linkToken of link_tokens) {
              const token = checkLinkToken(linkToken);
              const kept = token.ok ? await store.read(token.token) : undefined;
              if (kept?.answer) result.kept.push(keptAnswer(config, kept, kept.answer));
              else result.not_kept.push(linkToken);
            }
          } catch {
            return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
          }
          return c.json(result);
        },
      )
      .delete(
        '/',
        zValidator('json', KeptDeleteRequestSchema, (result, c) => {
          if (!result.success)
            return respondWithProxyError(
              c,
              'INVALID_BODY',
              'Send {"link_tokens": ["link-…", …]} (1 to 1000 tokens).',
            );
        }),
        async (c) => {
          if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE);
          const { link_tokens } = c.req.valid('json');
          let deleted;
          try {
            deleted = await store.remove(link_tokens);
          } catch {
            return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
          }
          c.get('log').info(
            { audit: 'kept.delete', user: c.get('user'), link_tokens: deleted, asked: link_tokens.length },
            `deleted ${deleted.length} tokens from the store`,
          );
          return c.json({ deleted: deleted.length });
        },
      )
  );
}

function keptAnswer(config: Config, kept: KeptToken, answer: KeptAnswer['answer']): KeptAnswer {
  return {
    link_token: kept.linkToken,
    environment: kept.environment,
    seen_at: kept.seenAt.toISOString(),
    seen_by: kept.seenBy,
    answer,
    sessions: kept.sessions,
    permalink: keptPermalink(config.publicUrl, kept.linkToken),
  };
}
