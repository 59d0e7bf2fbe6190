import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { timing } from 'hono/timing';
import { checkAnswer } from '../../shared/checks/check-answer';
import { CheckRequestSchema, type CheckReport } from '../../shared/checks/check-report';
import { withKeptSessions } from '../../shared/kept/kept-view';
import { KeptBesideSchema } from '../../shared/schemas/kept';
import { LinkTokenGetResponseSchema } from '../../shared/schemas/link-token-get-response';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { respondWithProxyError } from '../proxy-error-response';
import type { Store } from '../store/store';
import type { BytesInFlight } from '../upstream/bytes-in-flight';
import { plaidRouteErrors, respondWithPlaidReply } from './ask-plaid';
import { linkTokenLookup } from './link-token-get';

// POST /api/checks, for a QA suite in CI (issue 30): a link token and a QA profile's id; the
// token is looked up as the page looks it up (the server's credentials, the kept sessions beside
// Plaid's answer) and checked against the profile. 200 with the CheckReport whether it passed or
// not (its status says which); a failed lookup answers as POST /api/link/token/get would.
// app.ts puts it ahead of the user sign-in: an API key scoped checks:run or a signed-in user.

const WHAT_TO_SEND = 'Send {"link_token": "link-…", "profile_id": "qap_…"} as JSON.';
const NO_STORE =
  'QA profiles live in the inspector’s store, and this server runs without one: start it with its store (DATA_DIR or DATABASE_URL).';
const STORE_DOWN = 'The store that holds QA profiles cannot be reached right now; try again in a moment.';

export function checksRoute(config: Config, bytesInFlight: BytesInFlight, store: Store | undefined) {
  const lookUp = linkTokenLookup(config, bytesInFlight, store);
  return new Hono<AppEnv>().onError(plaidRouteErrors(WHAT_TO_SEND)).post(
    '/',
    timing(),
    zValidator('json', CheckRequestSchema, (result, c) => {
      if (!result.success) return respondWithProxyError(c, 'INVALID_BODY', WHAT_TO_SEND);
    }),
    async (c) => {
      const { link_token, profile_id } = c.req.valid('json');
      if (!store) return respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE);
      let profile;
      try {
        profile = await store.qaProfiles.get(profile_id);
      } catch {
        return respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN);
      }
      if (!profile)
        return respondWithProxyError(
          c,
          'NOT_FOUND',
          `There is no QA profile with the id ${profile_id}: the profile list (GET /api/qa-profiles) has each one's id.`,
        );

      const reply = await lookUp(c, { link_token });
      // Our refusal, or Plaid's error as Plaid sent it: the lookup's own answer.
      if (reply.kind !== 'answered' || reply.outcome.status !== 200) return respondWithPlaidReply(c, reply);
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder().decode(reply.outcome.body));
      } catch {
        body = undefined;
      }
      const answer = LinkTokenGetResponseSchema.safeParse(body);
      if (!answer.success)
        return respondWithProxyError(
          c,
          'UPSTREAM_BAD_RESPONSE',
          'Plaid’s answer does not have the shape its API specifies, so it cannot be checked.',
        );
      const kept = KeptBesideSchema.safeParse((body as { kept?: unknown }).kept);
      const view = withKeptSessions(answer.data, kept.success ? kept.data.sessions : undefined);
      const report: CheckReport = checkAnswer(profile, view.data, new Date());
      c.get('log').info(
        {
          audit: 'checks.run',
          user: c.get('user'),
          qa_profile_id: profile.id,
          link_token: report.link_token,
          status: report.status,
        },
        `checked a token against a QA profile: ${report.status}`,
      );
      return c.json(report);
    },
  );
}
