import { API_PATHS } from '../../shared/api-paths';
import { KeptAnswerSchema, type KeptAnswer } from '../../shared/schemas/kept';
import type { LookupSuccess } from './lookup-link-token';
import { requestJson } from './request-json';

// GET /api/kept/:link_token: the answer the inspector's store kept for a token, without asking
// Plaid, shaped like a lookup's (its kept sessions beside it) so the same panel shows it. An
// ApiError (NOT_KEPT, STORE_UNAVAILABLE) otherwise.
export async function getKept(
  linkToken: string,
  options: { signal?: AbortSignal } = {},
): Promise<LookupSuccess> {
  const { data, size } = await requestJson(
    `${API_PATHS.kept}/${encodeURIComponent(linkToken)}`,
    KeptAnswerSchema,
    { signal: options.signal },
  );
  return keptAsLookup(data, size);
}

// A kept answer in a lookup's shape (also for a batch's, api/read-kept-answers.ts). `size`: about
// what keeping it costs, in characters.
export function keptAsLookup(data: KeptAnswer, size: number): LookupSuccess {
  return {
    // Its sessions are the store's, merged across every kept answer (`sessions`), each labelled
    // with when it was seen: the kept answer's own copies would hide them.
    data: { ...data.answer, link_sessions: [] },
    raw: data.answer,
    size,
    timing: null,
    // Opening a kept answer keeps nothing new.
    kept: { status: 'skipped', sessions: data.sessions, permalink: data.permalink },
    fromStore: { seenAt: data.seen_at, seenBy: data.seen_by },
  };
}
