import { createHash } from 'node:crypto';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import type { PollSeen } from './schedule';

// What the schedule needs from one of Plaid's answers: when the token expires, which sessions are
// still open and when each last moved, and whether the answer differs from the last one.

export type ReadAnswer = Extract<PollSeen, { kind: 'answer' }> & { hash: string };

export function readAnswer(answer: LinkTokenGetResponse, lastHash: string | null, now: Date): ReadAnswer {
  const hash = answerHash(answer);
  const openSessions = (answer.link_sessions ?? [])
    .filter((session) => !session.finished_at && !session.on_success && !session.on_exit && !session.exit)
    .map((session) => {
      const times = [session.started_at, ...(session.events ?? []).map((event) => event.timestamp)]
        .map((time) => (time ? Date.parse(time) : NaN))
        .filter((time) => !Number.isNaN(time));
      // A session with no time at all is taken as moving now.
      return { lastEventAt: new Date(times.length > 0 ? Math.max(...times) : now.getTime()) };
    });
  return {
    kind: 'answer',
    changed: hash !== lastHash,
    expiresAt: answer.expiration ? new Date(answer.expiration) : null,
    openSessions,
    hash,
  };
}

// request_id differs on every answer; the rest says whether anything happened.
function answerHash(answer: LinkTokenGetResponse): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...answer, request_id: '' }))
    .digest('hex');
}
