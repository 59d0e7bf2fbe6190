import { mergeSessions } from './merge-sessions';
import type { KeptSession } from '../schemas/kept';
import type { LinkTokenGetResponse } from '../schemas/link-token-get-response';

// Plaid's answer with the sessions the inspector's store kept for the token: one view for the
// verdict, the ticket, the session cards, the recent lookups and batch rows, so a session Plaid dropped after six hours is still
// diagnosed. `keptOnly` names the sessions Plaid's answer no longer has, for their labels.
export type KeptView = {
  data: LinkTokenGetResponse;
  keptOnly: ReadonlyMap<string, KeptSession>;
};

export function withKeptSessions(
  data: LinkTokenGetResponse,
  kept: readonly KeptSession[] | null | undefined,
): KeptView {
  if (!kept || kept.length === 0) return { data, keptOnly: new Map() };
  const live = new Set((data.link_sessions ?? []).map((session) => session.link_session_id));
  const keptOnly = new Map(
    kept
      .filter((entry) => !live.has(entry.session.link_session_id))
      .map((entry) => [entry.session.link_session_id, entry]),
  );
  // The kept copies are older than Plaid's answer: Plaid's fields win where it has them.
  const link_sessions = mergeSessions([kept.map((entry) => entry.session), data.link_sessions ?? []]);
  return { data: { ...data, link_sessions }, keptOnly };
}
