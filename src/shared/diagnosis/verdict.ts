import type { StatusTone } from '../domain/status-tone';

// What happened with a link token, in one word an operations user can act on. The same word and
// tone is used on every screen (lookup, batch, recent lookups, ticket copy).
export const VERDICTS = [
  'linked',
  'failed',
  'abandoned',
  'in progress',
  'never opened',
  'expired unused',
  'no session data',
] as const;
export type Verdict = (typeof VERDICTS)[number];

// The verdicts a single session can have; the others describe a token without sessions.
export type SessionVerdict = Extract<Verdict, 'linked' | 'failed' | 'abandoned' | 'in progress'>;

// A lookup that got no answer to diagnose still gets a verdict in the same language.
export type LookupVerdict = 'lookup failed';

export const VERDICT_LABELS: Readonly<Record<Verdict | LookupVerdict, string>> = {
  linked: 'Linked',
  failed: 'Failed',
  abandoned: 'Abandoned',
  'in progress': 'In progress',
  'never opened': 'Never opened',
  'expired unused': 'Expired unused',
  'no session data': 'No session data',
  'lookup failed': 'Lookup failed',
};

export const VERDICT_TONES: Readonly<Record<Verdict, StatusTone>> = {
  linked: 'success',
  failed: 'failure',
  abandoned: 'warning',
  'in progress': 'pending',
  'never opened': 'neutral',
  // Someone has to make a new token: worth a second look, not a failure of Link.
  'expired unused': 'warning',
  'no session data': 'neutral',
};

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
// Plaid's /link/token/get returns a session for up to six hours after it ended.
export const SESSION_RETENTION_MS = 6 * HOUR_MS;
// A session without an end whose last event is older than this is taken as abandoned (the user
// closed the browser); a newer one as still in progress.
export const RECENT_ACTIVITY_MS = 30 * MINUTE_MS;

// One row of a verdict table: rows are read top to bottom and the first that applies decides.
export interface VerdictRule<Facts, V extends Verdict> {
  when: string;
  verdict: V;
  applies: (facts: Facts) => boolean;
}

export function decide<Facts, V extends Verdict>(rules: readonly VerdictRule<Facts, V>[], facts: Facts): V {
  const rule = rules.find((candidate) => candidate.applies(facts));
  // Every table ends with a row that always applies.
  if (!rule) throw new Error('A verdict table has no row for these facts');
  return rule.verdict;
}

// --- A token without sessions ---

export interface NoSessionFacts {
  // How long ago the token was created; null when Plaid did not say.
  createdAgoMs: number | null;
  // 'unknown' when Plaid gave no expiration.
  validity: 'valid' | 'expired' | 'unknown';
}

export const NO_SESSION_RULES: readonly VerdictRule<NoSessionFacts, Verdict>[] = [
  {
    when: 'created more than six hours ago (Plaid may have dropped its sessions)',
    verdict: 'no session data',
    applies: (facts) => facts.createdAgoMs !== null && facts.createdAgoMs > SESSION_RETENTION_MS,
  },
  {
    when: 'created under six hours ago and still valid (or without an expiration)',
    verdict: 'never opened',
    applies: (facts) => facts.createdAgoMs !== null && facts.validity !== 'expired',
  },
  {
    when: 'created under six hours ago and expired',
    verdict: 'expired unused',
    applies: (facts) => facts.createdAgoMs !== null && facts.validity === 'expired',
  },
  {
    when: 'Plaid did not say when the token was created',
    verdict: 'no session data',
    applies: () => true,
  },
];

// --- One session ---

export interface SessionFacts {
  // results with something in them, on_success, or an Identity Verification with an outcome.
  linked: boolean;
  // exit (or the deprecated on_exit) is present; exitError: and carries an error.
  exited: boolean;
  exitError: boolean;
  finished: boolean;
  // An ERROR event with nothing the user did after it (session-errors.ts): without an exit, the
  // error is why the session ended.
  stoppedAfterError: boolean;
  tokenExpired: boolean;
  // Since the last event (or the start when there are none); null when neither has a time.
  msSinceActivity: number | null;
}

export const SESSION_RULES: readonly VerdictRule<SessionFacts, SessionVerdict>[] = [
  {
    when: 'results or on_success (or an Identity Verification with an outcome, which adds no Item)',
    verdict: 'linked',
    applies: (facts) => facts.linked,
  },
  { when: 'an exit with an error', verdict: 'failed', applies: (facts) => facts.exitError },
  { when: 'an exit without an error', verdict: 'abandoned', applies: (facts) => facts.exited },
  {
    when: 'not finished, the token valid and the last event under 30 minutes ago',
    verdict: 'in progress',
    applies: (facts) =>
      !facts.finished &&
      !facts.tokenExpired &&
      facts.msSinceActivity !== null &&
      facts.msSinceActivity < RECENT_ACTIVITY_MS,
  },
  {
    when: 'no exit, not in progress, and the last thing that happened was an ERROR event',
    verdict: 'failed',
    applies: (facts) => facts.stoppedAfterError,
  },
  {
    when: 'not finished, but the token expired or the last event is 30 minutes old or more',
    verdict: 'abandoned',
    applies: (facts) => !facts.finished,
  },
  {
    when: 'finished without results, success or exit (Plaid did not say why)',
    verdict: 'abandoned',
    applies: () => true,
  },
];

// With several sessions the verdict is about the one that matters: the newest that linked, failed
// or is in progress (a later abandoned attempt does not hide an outcome), else the newest.
export const DECISIVE_VERDICTS: readonly SessionVerdict[] = ['linked', 'failed', 'in progress'];
