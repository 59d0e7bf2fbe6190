import { describe, expect, it } from 'vitest';
import {
  decide,
  HOUR_MS,
  MINUTE_MS,
  NO_SESSION_RULES,
  SESSION_RULES,
  VERDICT_LABELS,
  VERDICT_TONES,
  type NoSessionFacts,
  type SessionFacts,
} from './verdict';

// Every row of both verdict tables, each reached by facts that only it (and no row above it)
// accepts: if a row is reordered or its condition changes, its case here fails.

function rowFor<Facts>(rules: readonly { applies: (facts: Facts) => boolean }[], facts: Facts): number {
  return rules.findIndex((rule) => rule.applies(facts));
}

describe('the verdict table for a token without sessions', () => {
  const cases: Array<[string, NoSessionFacts, string]> = [
    ['created 7 h ago, expired', { createdAgoMs: 7 * HOUR_MS, validity: 'expired' }, 'no session data'],
    [
      'created 2 days ago, still valid (Link Delivery)',
      { createdAgoMs: 48 * HOUR_MS, validity: 'valid' },
      'no session data',
    ],
    ['created 5 min ago, valid', { createdAgoMs: 5 * MINUTE_MS, validity: 'valid' }, 'never opened'],
    [
      'created 5 min ago, without an expiration',
      { createdAgoMs: 5 * MINUTE_MS, validity: 'unknown' },
      'never opened',
    ],
    ['created 5 h ago, expired', { createdAgoMs: 5 * HOUR_MS, validity: 'expired' }, 'expired unused'],
    [
      'exactly six hours old, expired (still within what Plaid keeps)',
      { createdAgoMs: 6 * HOUR_MS, validity: 'expired' },
      'expired unused',
    ],
    ['no created_at', { createdAgoMs: null, validity: 'valid' }, 'no session data'],
  ];

  it.each(cases)('%s', (_name, facts, verdict) => {
    expect(decide(NO_SESSION_RULES, facts)).toBe(verdict);
  });

  it('has a case for every row', () => {
    const rows = new Set(cases.map(([, facts]) => rowFor(NO_SESSION_RULES, facts)));
    expect([...rows].sort()).toEqual(NO_SESSION_RULES.map((_, index) => index));
  });
});

describe('the verdict table for one session', () => {
  const base: SessionFacts = {
    linked: false,
    exited: false,
    exitError: false,
    finished: true,
    stoppedAfterError: false,
    tokenExpired: false,
    msSinceActivity: 2 * MINUTE_MS,
  };
  const cases: Array<[string, SessionFacts, string]> = [
    ['results or on_success', { ...base, linked: true }, 'linked'],
    [
      'linked even when an exit error is there too',
      { ...base, linked: true, exited: true, exitError: true },
      'linked',
    ],
    ['an exit with an error', { ...base, exited: true, exitError: true }, 'failed'],
    ['an exit without an error', { ...base, exited: true }, 'abandoned'],
    ['open, token valid, last event 2 min ago', { ...base, finished: false }, 'in progress'],
    ['open, but the token expired', { ...base, finished: false, tokenExpired: true }, 'abandoned'],
    [
      'open, last event exactly 30 min ago',
      { ...base, finished: false, msSinceActivity: 30 * MINUTE_MS },
      'abandoned',
    ],
    [
      'open, an ERROR event 2 min ago: still in progress (the user may try again)',
      { ...base, finished: false, stoppedAfterError: true },
      'in progress',
    ],
    [
      'no exit, left 30 min after an ERROR event: failed on it',
      { ...base, finished: false, stoppedAfterError: true, msSinceActivity: 30 * MINUTE_MS },
      'failed',
    ],
    ['finished without an exit after an ERROR event', { ...base, stoppedAfterError: true }, 'failed'],
    ['open, no time to judge by', { ...base, finished: false, msSinceActivity: null }, 'abandoned'],
    ['finished without results, success or exit', base, 'abandoned'],
  ];

  it.each(cases)('%s', (_name, facts, verdict) => {
    expect(decide(SESSION_RULES, facts)).toBe(verdict);
  });

  it('has a case for every row', () => {
    const rows = new Set(cases.map(([, facts]) => rowFor(SESSION_RULES, facts)));
    expect([...rows].sort()).toEqual(SESSION_RULES.map((_, index) => index));
  });
});

describe('the verdict words', () => {
  it('give every verdict a label and a tone from the one status palette', () => {
    expect(VERDICT_LABELS).toMatchObject({
      linked: 'Linked',
      failed: 'Failed',
      'lookup failed': 'Lookup failed',
    });
    expect(VERDICT_TONES).toEqual({
      linked: 'success',
      failed: 'failure',
      abandoned: 'warning',
      'in progress': 'pending',
      'never opened': 'neutral',
      'expired unused': 'warning',
      'no session data': 'neutral',
    });
  });
});
