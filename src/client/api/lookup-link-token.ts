import { API_PATHS } from '../../shared/api-paths';
import { checkLinkToken } from '../../shared/link-token';
import { KeptBesideSchema, type KeptBeside } from '../../shared/schemas/kept';
import type { LinkTokenGetRequest } from '../../shared/schemas/link-token-get-request';
import {
  LinkTokenGetResponseSchema,
  type LinkTokenGetResponse,
} from '../../shared/schemas/link-token-get-response';
import { clientError } from './api-error';
import { requestJson } from './request-json';
import { parseServerTiming, type ServerTiming } from './server-timing';

export type LookupSuccess = {
  data: LinkTokenGetResponse;
  // The body exactly as received, for the raw JSON view (unknown fields included).
  raw: unknown;
  // The body's length in characters: about what keeping the answer costs (a batch budgets it).
  size: number;
  timing: ServerTiming | null;
  // What the server's store kept about the token before this lookup, and whether this answer is
  // being kept (docs/api.md, the kept field); absent from a server without a store.
  kept?: KeptBeside;
  // Set when the answer is the store's copy (GET /api/kept, the permalink), not Plaid's now: who
  // saw it and when.
  fromStore?: { seenAt: string; seenBy: string };
};

// POST /api/link/token/get: Plaid's answer about one token, or an ApiError. The token goes through
// the server's own check first, so a retired or wrong kind of token (pasted into a batch) is named
// without a request.
export async function lookupLinkToken(
  request: LinkTokenGetRequest,
  options: { signal?: AbortSignal } = {},
): Promise<LookupSuccess> {
  const check = checkLinkToken(request.link_token);
  if (!check.ok) throw clientError(check.code, check.message);
  const answer = await requestJson(API_PATHS.linkTokenGet, LinkTokenGetResponseSchema, {
    method: 'POST',
    body: { ...request, link_token: check.token },
    signal: options.signal,
  });
  const { plaid, kept } = splitKept(answer.raw);
  return {
    data: answer.data,
    raw: plaid,
    size: answer.size,
    timing: parseServerTiming(answer.headers.get('Server-Timing')),
    ...(kept && { kept }),
  };
}

// The server appends its `kept` field to Plaid's answer; the raw view shows Plaid's answer alone.
function splitKept(raw: unknown): { plaid: unknown; kept?: KeptBeside } {
  if (typeof raw !== 'object' || raw === null || !('kept' in raw)) return { plaid: raw };
  const { kept, ...plaid } = raw as Record<string, unknown>;
  const parsed = KeptBesideSchema.safeParse(kept);
  return { plaid, kept: parsed.success ? parsed.data : undefined };
}
