import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { checkLinkToken, type PlaidEnvironment } from '../../shared/link-token';
import {
  MAX_TOKENS_PER_REGISTRATION,
  RecordingsRequestSchema,
  type Recording,
  type RecordingList,
  type RecordingsResponse,
  type RegistrationResult,
} from '../../shared/schemas/recordings';
import type { AppEnv } from '../app-env';
import { requireApiKey, type ApiKeyGuard } from '../auth/api-keys';
import type { Config } from '../config';
import type { Counters } from '../counters/counters';
import { bodySizeLimit } from '../middleware/body-size-limit';
import { jsonOnly } from '../middleware/json-only';
import { respondWithProxyError } from '../proxy-error-response';
import type { RecordingStatus, TokenToRecord } from '../store/recordings';
import type { Store } from '../store/store';
import { plaidRouteErrors } from './ask-plaid';
import { chooseCredentials } from './credentials';

// /api/recordings, for machine clients with an API key (auth/api-keys.ts): POST registers link
// tokens for the recorder (recordings:write), GET reads what the key's registrations recorded
// (recordings:read). These routes sit before the user sign-in (app.ts), so they bring their own
// limits: requests per key and minute (RATE_LIMIT_PER_MINUTE, as for a user), and new tokens per
// key and minute (REGISTRATIONS_PER_KEY_PER_MINUTE), counted in the store so every instance agrees.

export const REGISTRATIONS_PER_KEY_PER_MINUTE = 300;

const WHAT_TO_SEND = `Send {"link_token": "link-…"} or {"link_tokens": ["link-…", …]} (1 to ${MAX_TOKENS_PER_REGISTRATION} tokens), as JSON.`;
const STORE_DOWN = 'The store of recordings cannot be reached right now; try again in a moment.';

export function recordingsRoutes(
  config: Config,
  store: Store | undefined,
  guard: ApiKeyGuard,
  counters: Counters,
) {
  const perKey = rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: config.security.rateLimitPerMinute,
    store: counters.store('recordings', 60_000),
    standardHeaders: 'draft-6',
    keyGenerator: (c) => c.get('apiKey').id,
    handler: (c) => {
      c.header('Retry-After', '60');
      return respondWithProxyError(
        c,
        'RATE_LIMITED',
        `Too many requests: at most ${config.security.rateLimitPerMinute} a minute per API key.`,
      );
    },
  });

  return new Hono<AppEnv>()
    .onError(plaidRouteErrors(WHAT_TO_SEND))
    .post(
      '/',
      requireApiKey(guard, 'recordings:write'),
      perKey,
      jsonOnly(),
      bodySizeLimit(),
      zValidator('json', RecordingsRequestSchema, (result, c) => {
        if (!result.success) return respondWithProxyError(c, 'INVALID_BODY', WHAT_TO_SEND);
      }),
      async (c) => {
        // requireApiKey answered already when there is no store.
        const recordings = store!.recordings;
        const body = c.req.valid('json');
        const sent = 'link_token' in body ? [body.link_token] : body.link_tokens;
        const key = c.get('apiKey');

        const checked = sent.map((text, index) => checkToken(text, index, config));
        const accepted = new Map<string, TokenToRecord>();
        for (const entry of checked) if ('token' in entry) accepted.set(entry.token.linkToken, entry.token);
        // A single token refused is the request refused.
        const [only] = checked;
        if ('link_token' in body && only && 'refused' in only)
          return respondWithProxyError(c, only.refused.code, only.refused.message);

        const now = new Date();
        let added: Set<string>;
        try {
          const recent = await recordings.countRegisteredSince(key.id, new Date(now.getTime() - 60_000));
          if (recent + accepted.size > REGISTRATIONS_PER_KEY_PER_MINUTE) {
            c.header('Retry-After', '60');
            return respondWithProxyError(
              c,
              'RATE_LIMITED',
              `This API key registered ${recent} tokens in the last minute; at most ${REGISTRATIONS_PER_KEY_PER_MINUTE} a minute are taken. Nothing of this request was registered: send it again in a minute.`,
            );
          }
          added = await recordings.register([...accepted.values()], key, now);
        } catch {
          return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
        }

        const results: RegistrationResult[] = checked.map((entry) =>
          'refused' in entry
            ? {
                index: entry.index,
                outcome: 'refused',
                error_code: entry.refused.code,
                error_message: entry.refused.message,
              }
            : {
                index: entry.index,
                link_token: entry.token.linkToken,
                outcome: added.has(entry.token.linkToken) ? 'registered' : 'already registered',
              },
        );
        c.get('log').info(
          {
            audit: 'recordings.register',
            api_key_id: key.id,
            api_key_name: key.name,
            link_tokens: [...added],
            refused: results.filter((result) => result.outcome === 'refused').length,
          },
          `registered ${added.size} tokens for recording`,
        );
        const answer: RecordingsResponse = {
          results,
          registered: added.size,
          refused: results.filter((result) => result.outcome === 'refused').length,
        };
        return c.json(answer);
      },
    )
    .get('/', requireApiKey(guard, 'recordings:read'), perKey, async (c) => {
      const sent = c.req.queries('link_token') ?? [];
      if (sent.length === 0 || sent.length > MAX_TOKENS_PER_REGISTRATION)
        return respondWithProxyError(
          c,
          'INVALID_BODY',
          `Name the tokens as ?link_token=link-…&link_token=link-… (1 to ${MAX_TOKENS_PER_REGISTRATION}).`,
        );
      const tokens: string[] = [];
      for (const text of sent) {
        const token = checkLinkToken(text);
        if (!token.ok) return respondWithProxyError(c, token.code, token.message);
        tokens.push(token.token);
      }
      try {
        const list: RecordingList = {
          recordings: await readWithSessions(store!, c.get('apiKey').id, tokens),
        };
        return c.json(list);
      } catch {
        return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
      }
    })
    .get('/:link_token', requireApiKey(guard, 'recordings:read'), perKey, async (c) => {
      const token = checkLinkToken(c.req.param('link_token'));
      if (!token.ok) return respondWithProxyError(c, token.code, token.message);
      let found: Recording | undefined;
      try {
        [found] = await readWithSessions(store!, c.get('apiKey').id, [token.token]);
      } catch {
        return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
      }
      if (!found)
        return respondWithProxyError(
          c,
          'NOT_FOUND',
          'This API key has not registered this token: only the recordings of tokens it registered can be read with it.',
        );
      return c.json(found);
    });
}

type CheckedToken =
  | { index: number; token: TokenToRecord }
  | {
      index: number;
      refused: {
        code: 'MALFORMED_LINK_TOKEN' | 'WRONG_TOKEN_TYPE' | 'ENVIRONMENT_RETIRED' | 'MISSING_CREDENTIALS';
        message: string;
      };
    };

function checkToken(text: string, index: number, config: Config): CheckedToken {
  const token = checkLinkToken(text);
  if (!token.ok) return { index, refused: { code: token.code, message: token.message } };
  if (!serverCanAsk(token.environment, config))
    return {
      index,
      refused: {
        code: 'MISSING_CREDENTIALS',
        message: `This server holds no Plaid credentials for ${token.environment}, so it cannot record ${token.environment} tokens: its operator must set PLAID_CLIENT_ID and PLAID_SECRET_${token.environment.toUpperCase()}.`,
      },
    };
  return { index, token: { linkToken: token.token, environment: token.environment } };
}

// The recorder asks with the server's own credentials only.
function serverCanAsk(environment: PlaidEnvironment, config: Config): boolean {
  return chooseCredentials({}, environment, config) !== undefined;
}

async function readWithSessions(store: Store, keyId: string, linkTokens: string[]): Promise<Recording[]> {
  const statuses = await store.recordings.read(keyId, linkTokens);
  return Promise.all(statuses.map(async (status) => recording(status, await store.read(status.linkToken))));
}

function recording(status: RecordingStatus, kept: Awaited<ReturnType<Store['read']>>): Recording {
  return {
    link_token: status.linkToken,
    environment: status.environment,
    registered_at: status.registeredAt.toISOString(),
    state: status.state,
    stop_reason: status.stopReason,
    next_poll_at: status.nextPollAt?.toISOString() ?? null,
    last_poll_at: status.lastPollAt?.toISOString() ?? null,
    last_change_at: status.lastChangeAt.toISOString(),
    polls: status.polls,
    sessions: (kept?.sessions ?? []).map(({ session, source, first_seen_at, seen_at }) => ({
      session,
      source,
      first_seen_at,
      seen_at,
    })),
  };
}
