import { tokenStatus } from '../../../../shared/domain/token-status';
// From its own module, not the diagnosis's index: live watch is in the entry chunk.
import { sessionVerdict } from '../../../../shared/diagnosis/session-verdict';
import type { LinkTokenGetResponse } from '../../../../shared/schemas/link-token-get-response';
import type { WatchVerdict } from './watch-timing';

// Whether another poll can show something new. A token with no sessions is watched, because a QA
// engineer typically starts watching and then opens Link. A session is running when the diagnosis
// calls it in progress (the same rule, so the two never disagree: one idle for 30 minutes is
// abandoned, not running). Nothing new can happen once the token has expired or none is running.
export function watchVerdict(data: LinkTokenGetResponse, now: number): WatchVerdict {
  if (tokenStatus(data.expiration, now).kind === 'expired') {
    return { keepWatching: false, reason: 'the link token has expired' };
  }
  const sessions = data.link_sessions ?? [];
  if (sessions.length === 0) return { keepWatching: true, reason: 'waiting for a Link session to start' };
  const running = sessions.filter((session) => sessionVerdict(session, false, now) === 'in progress').length;
  if (running === 0) {
    const reason = sessions.every((session) => session.finished_at)
      ? 'every session has finished'
      : 'no session is still in progress';
    return { keepWatching: false, reason };
  }
  return { keepWatching: true, reason: `${running} ${running === 1 ? 'session' : 'sessions'} in progress` };
}

// Ids of the events in `next` that `previous` did not have, for highlighting what a poll brought.
export function findNewEventIds(previous: LinkTokenGetResponse, next: LinkTokenGetResponse): Set<string> {
  const seen = new Set<string>();
  for (const session of previous.link_sessions ?? []) {
    for (const event of session.events ?? []) seen.add(event.event_id);
  }
  const fresh = new Set<string>();
  for (const session of next.link_sessions ?? []) {
    for (const event of session.events ?? []) if (!seen.has(event.event_id)) fresh.add(event.event_id);
  }
  return fresh;
}
