import type { LinkEvent, LinkSession } from '../schemas/link-token-get-response';

// Plaid returns a Link session for six hours after it ends, and each answer may be thinner or
// fuller than the last (events arrive in batches; exit and results appear once the session ends).
// Copies of one session seen at different times are merged field by field so that a later, thinner
// copy never erases what an earlier, fuller one said: events are combined by event_id; every other
// field comes from the newest copy that has it (not missing, not null).

// Two copies of the same session (same link_session_id), the older one first.
export function mergeSession(older: LinkSession, newer: LinkSession): LinkSession {
  const merged: Record<string, unknown> = { ...older };
  for (const [field, value] of Object.entries(newer)) {
    if (value !== undefined && value !== null) merged[field] = value;
  }
  const events = mergeEvents(older.events, newer.events);
  if (events) merged.events = events;
  return merged as LinkSession;
}

// Several answers' sessions, oldest answer first: one session per link_session_id, in the order
// each was first seen.
export function mergeSessions(answers: readonly (readonly LinkSession[])[]): LinkSession[] {
  const byId = new Map<string, LinkSession>();
  for (const sessions of answers) {
    for (const session of sessions) {
      const known = byId.get(session.link_session_id);
      byId.set(session.link_session_id, known ? mergeSession(known, session) : session);
    }
  }
  return [...byId.values()];
}

// Events of both copies, each event_id once (the newer copy's version), in time order. Plaid's
// timestamps are ISO 8601 in UTC, so they sort as text; ties keep the order they arrived in.
function mergeEvents(
  older: LinkEvent[] | undefined,
  newer: LinkEvent[] | undefined,
): LinkEvent[] | undefined {
  if (!older) return newer;
  if (!newer) return older;
  const byId = new Map<string, LinkEvent>();
  for (const event of [...older, ...newer]) byId.set(event.event_id, event);
  return [...byId.values()].sort((a, b) =>
    a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0,
  );
}
