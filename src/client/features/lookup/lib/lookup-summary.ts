import { TOKEN_STATUS_LABELS, tokenStatus } from '../../../../shared/domain/token-status';
import type { LinkTokenGetResponse } from '../../../../shared/schemas/link-token-get-response';

// A lookup in a few words ("Active, 2 sessions"), for the screen reader announcement and the list
// of recent lookups; the token's status as of `at`, when the answer arrived.
export function lookupSummary(data: LinkTokenGetResponse, at: number): string {
  const sessions = data.link_sessions?.length ?? 0;
  const status = TOKEN_STATUS_LABELS[tokenStatus(data.expiration, at).kind];
  return `${status}, ${sessions} ${sessions === 1 ? 'session' : 'sessions'}`;
}
