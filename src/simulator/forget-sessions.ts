import type { LinkTokenGetResponse } from '../shared/schemas/link-token-get-response';

// Plaid answers for a Link session up to six hours after it ended, then no longer. With
// forgetSessionsAfterMs (SIMULATOR_FORGET_SESSIONS_MS) the simulator does the same, sooner, so that
// what the inspector kept (a lookup's or the recorder's) can be tried against a Plaid that forgot.
export function forgetEndedSessions(
  body: LinkTokenGetResponse,
  now: Date,
  forgetAfterMs: number | undefined,
): LinkTokenGetResponse {
  if (forgetAfterMs === undefined || !body.link_sessions) return body;
  const remembered = body.link_sessions.filter((session) => {
    const ended = session.finished_at ? Date.parse(session.finished_at) : NaN;
    return Number.isNaN(ended) || now.getTime() - ended < forgetAfterMs;
  });
  return { ...body, link_sessions: remembered };
}
