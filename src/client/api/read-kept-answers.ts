import { API_PATHS } from '../../shared/api-paths';
import { KEPT_READ_MAX_TOKENS, KeptReadResponseSchema } from '../../shared/schemas/kept';
import { keptAsLookup } from './get-kept';
import type { LookupSuccess } from './lookup-link-token';
import { requestJson } from './request-json';

export type KeptAnswers = {
  // By token: its kept answer, shaped like a lookup's (with fromStore: who saw it and when).
  kept: Map<string, LookupSuccess>;
  // The tokens the store holds no answer for.
  notKept: string[];
};

// POST /api/kept/read: the answers the inspector's store kept for many tokens, without asking
// Plaid (a reloaded batch), a few hundred tokens a request. An ApiError (STORE_UNAVAILABLE when the
// server keeps nothing or cannot reach its store) otherwise.
export async function readKeptAnswers(
  linkTokens: readonly string[],
  options: { signal?: AbortSignal } = {},
): Promise<KeptAnswers> {
  const result: KeptAnswers = { kept: new Map(), notKept: [] };
  for (let start = 0; start < linkTokens.length; start += KEPT_READ_MAX_TOKENS) {
    const { data } = await requestJson(`${API_PATHS.kept}/read`, KeptReadResponseSchema, {
      method: 'POST',
      body: { link_tokens: linkTokens.slice(start, start + KEPT_READ_MAX_TOKENS) },
      signal: options.signal,
    });
    for (const answer of data.kept)
      result.kept.set(answer.link_token, keptAsLookup(answer, JSON.stringify(answer).length));
    result.notKept.push(...data.not_kept);
  }
  return result;
}
