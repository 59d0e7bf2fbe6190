import { tokenStatus, type TokenStatus } from '../../../../shared/domain/token-status';
import type { LinkTokenGetResponse } from '../../../../shared/schemas/link-token-get-response';

export type LookupSummary = {
  // The token's status as of `at`, when the answer arrived.
  status: TokenStatus['kind'];
  // "1 session", "3 sessions".
  sessions: string;
};

// A lookup in a few words, for the screen reader announcement and the list of recent lookups.
export function lookupSummary(data: LinkTokenGetResponse, at: number): LookupSummary {
  const count = data.link_sessions?.length ?? 0;
  return {
    status: tokenStatus(data.expiration, at).kind,
    sessions: `${count} ${count === 1 ? 'session' : 'sessions'}`,
  };
}
