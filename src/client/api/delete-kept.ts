import { API_PATHS } from '../../shared/api-paths';
import { KeptDeleteResponseSchema } from '../../shared/schemas/kept';
import { requestJson } from './request-json';

// DELETE /api/kept: forgets the tokens with everything the inspector's store kept about them.
// Returns how many of them the store held; an ApiError otherwise.
export async function deleteKept(linkTokens: string[]): Promise<number> {
  const answer = await requestJson(API_PATHS.kept, KeptDeleteResponseSchema, {
    method: 'DELETE',
    body: { link_tokens: linkTokens },
  });
  return answer.data.deleted;
}
