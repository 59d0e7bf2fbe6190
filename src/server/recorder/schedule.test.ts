import { describe, expect, it } from 'vitest';
import {
  ABANDONED_AFTER_MS,
  ASSUMED_LIFETIME_MS,
  KEEP_AFTER_EXPIRY_MS,
  nextStep,
  SLOWEST_MS,
  type PollSeen,
  type RecordingState,
} from './schedule';

const FAST = 2_000;
const MINUTE = 60_000;
const registeredAt = new Date('2026-12-05T10:00:00Z');
const expiresAt = new Date('2026-12-05T14:00:00Z');
const at = (ms: number) => new Date(registeredAt.getTime() + ms);

function state(overrides: Partial<RecordingState> = {}): RecordingState {
  return { registeredAt, lastChangeAt: registeredAt, expiresAt, finalPoll: null, failures: 0, ...overrides };
}
function answer(overrides: Partial<Extract<PollSeen, { kind: 'answer' }>> = {}): PollSeen {
  return { kind: 'answer', changed: false, expiresAt, openSessions: [], ...overrides };
}

describe('the pace of polling', () => {
  it('polls at the fastest pace while a session is open and moving', () => {
    const now = at(10 * MINUTE);
    const seen = answer({ openSessions: [{ lastEventAt: at(9 * MINUTE) }] });
    expect(nextStep(state(), seen, now, FAST)).toEqual({
      step: 'poll',
      at: at(10 * MINUTE + FAST),
      finalPoll: null,
    });
  });

  it('slows down the longer nothing changes, up to five minutes', () => {
    const quiet = (ms: number) => nextStep(state(), answer(), at(ms), FAST);
    expect(quiet(1_000)).toMatchObject({ at: at(1_000 + FAST) }); // never faster than the fastest
    expect(quiet(2 * MINUTE)).toMatchObject({ at: at(3 * MINUTE) }); // half the quiet time
    expect(quiet(60 * MINUTE)).toMatchObject({ at: at(60 * MINUTE + SLOWEST_MS) });
  });

  it('counts quiet time from the answer that just changed', () => {
    const now = at(60 * MINUTE);
    expect(nextStep(state(), answer({ changed: true }), now, FAST)).toMatchObject({
      at: at(60 * MINUTE + FAST),
    });
  });

  it('backs off after failures, doubling up to five minutes', () => {
    const now = at(MINUTE);
    expect(nextStep(state(), { kind: 'failed' }, now, FAST)).toMatchObject({ at: at(MINUTE + 2 * FAST) });
    expect(nextStep(state({ failures: 2 }), { kind: 'failed' }, now, FAST)).toMatchObject({
      at: at(MINUTE + 8 * FAST),
    });
    expect(nextStep(state({ failures: 20 }), { kind: 'failed' }, now, FAST)).toMatchObject({
      at: at(MINUTE + SLOWEST_MS),
    });
  });

  it('polls at the expiry rather than long after it', () => {
    const now = new Date(expiresAt.getTime() - MINUTE);
    expect(nextStep(state(), answer(), now, FAST)).toEqual({ step: 'poll', at: expiresAt, finalPoll: null });
  });
});

describe('stopping: the token has expired and no session is open', () => {
  const now = new Date(expiresAt.getTime() + 1_000);

  it('makes one last poll, then stops', () => {
    const last = nextStep(state(), answer(), now, FAST);
    expect(last).toEqual({ step: 'poll', at: new Date(now.getTime() + FAST), finalPoll: 'expired' });
    expect(nextStep(state({ finalPoll: 'expired' }), answer(), now, FAST)).toEqual({
      step: 'stop',
      reason: 'expired',
    });
  });

  it('keeps polling past the expiry while a session is open and moving', () => {
    const seen = answer({ openSessions: [{ lastEventAt: new Date(now.getTime() - MINUTE) }] });
    expect(nextStep(state(), seen, now, FAST)).toEqual({
      step: 'poll',
      at: new Date(now.getTime() + FAST),
      finalPoll: null,
    });
  });

  it('goes back to ordinary polling when the last poll finds a session still moving', () => {
    const seen = answer({ changed: true, openSessions: [{ lastEventAt: now }] });
    expect(nextStep(state({ finalPoll: 'expired' }), seen, now, FAST)).toMatchObject({
      step: 'poll',
      finalPoll: null,
    });
  });

  it('does not stop on an unexpired token with no session yet', () => {
    expect(nextStep(state(), answer(), at(MINUTE), FAST)).toMatchObject({ step: 'poll', finalPoll: null });
  });
});

describe('stopping: a session open with no event for 30 minutes is abandoned', () => {
  const now = at(2 * 60 * MINUTE);
  const quietSince = new Date(now.getTime() - ABANDONED_AFTER_MS);

  it('makes one last poll, then stops', () => {
    const seen = answer({ openSessions: [{ lastEventAt: quietSince }] });
    expect(nextStep(state(), seen, now, FAST)).toEqual({
      step: 'poll',
      at: new Date(now.getTime() + FAST),
      finalPoll: 'abandoned',
    });
    expect(nextStep(state({ finalPoll: 'abandoned' }), seen, now, FAST)).toEqual({
      step: 'stop',
      reason: 'abandoned',
    });
  });

  it('is not abandoned a minute earlier', () => {
    const seen = answer({ openSessions: [{ lastEventAt: new Date(quietSince.getTime() + MINUTE) }] });
    expect(nextStep(state(), seen, now, FAST)).toMatchObject({ step: 'poll', finalPoll: null });
  });

  it('is not abandoned while another open session moves', () => {
    const seen = answer({ openSessions: [{ lastEventAt: quietSince }, { lastEventAt: now }] });
    expect(nextStep(state(), seen, now, FAST)).toMatchObject({ step: 'poll', finalPoll: null });
  });
});

describe('stopping: Plaid refuses the token', () => {
  it('makes one last poll, then stops whatever it says', () => {
    const now = at(MINUTE);
    expect(nextStep(state(), { kind: 'refused' }, now, FAST)).toMatchObject({
      step: 'poll',
      finalPoll: 'refused',
    });
    expect(nextStep(state({ finalPoll: 'refused' }), answer(), now, FAST)).toEqual({
      step: 'stop',
      reason: 'refused',
    });
  });
});

describe('stopping: six hours after expiry at the latest', () => {
  const deadline = new Date(expiresAt.getTime() + KEEP_AFTER_EXPIRY_MS);
  const moving = (now: Date) => answer({ openSessions: [{ lastEventAt: now }] });

  it('makes the last poll at the deadline, even for a session still moving', () => {
    const now = new Date(deadline.getTime() - 1_000);
    expect(nextStep(state(), moving(now), now, FAST)).toEqual({
      step: 'poll',
      at: deadline,
      finalPoll: 'deadline',
    });
    expect(nextStep(state({ finalPoll: 'deadline' }), moving(deadline), deadline, FAST)).toEqual({
      step: 'stop',
      reason: 'deadline',
    });
  });

  it('stops at once when a poll comes after the deadline (a server down meanwhile)', () => {
    const now = new Date(deadline.getTime() + MINUTE);
    expect(nextStep(state(), moving(now), now, FAST)).toEqual({ step: 'stop', reason: 'deadline' });
  });

  it('counts from registration plus four hours while Plaid has never answered', () => {
    const unknown = state({ expiresAt: null });
    const lastChance = at(ASSUMED_LIFETIME_MS + KEEP_AFTER_EXPIRY_MS - 1_000);
    expect(nextStep(unknown, { kind: 'failed' }, lastChance, FAST)).toMatchObject({ finalPoll: 'deadline' });
    const past = at(ASSUMED_LIFETIME_MS + KEEP_AFTER_EXPIRY_MS);
    expect(nextStep(unknown, { kind: 'failed' }, past, FAST)).toEqual({ step: 'stop', reason: 'deadline' });
  });
});
