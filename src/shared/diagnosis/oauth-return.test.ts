import { describe, expect, it } from 'vitest';
import type { LinkSession } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import { emptyResults, makeEvent, makeResponse, makeSession } from '../test/fixtures';
import { diagnose } from './diagnose';
import { errorAdvice } from './error-advice';
import { findings } from './findings';
import { oauthRestarts } from './oauth-return';
import { sessionSteps } from './session-steps';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const NOW = T0 + 3 * 3600_000;
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');
const event = (event_name: string, seconds: number, event_metadata = {}) =>
  makeEvent({ event_name, timestamp: at(seconds), event_metadata });
const BANK = { institution_name: 'Platypus OAuth Bank', institution_id: 'ins_127287' };

// A session that went to the bank's sign-in at `start` + 10 s and heard nothing after.
const toTheBank = (id: string, start: number): LinkSession =>
  makeSession({
    link_session_id: id,
    started_at: at(start),
    finished_at: null,
    events: [
      event('OPEN', start),
      event('SELECT_INSTITUTION', start + 5, BANK),
      event('TRANSITION_VIEW', start + 8, { view_name: 'OAUTH' }),
      event('OPEN_OAUTH', start + 10, BANK),
    ],
  });

const linked = (id: string, start: number): LinkSession =>
  makeSession({
    link_session_id: id,
    started_at: at(start),
    finished_at: at(start + 60),
    events: [event('OPEN', start), event('OPEN_OAUTH', start + 10, BANK), event('HANDOFF', start + 59)],
    results: {
      ...emptyResults,
      item_add_results: [
        { public_token: 'public-sandbox-1', accounts: [], institution: { name: 'Platypus OAuth Bank' } },
      ],
    },
  });

const withRedirect = (sessions: LinkSession[]) =>
  makeResponse({
    link_sessions: sessions,
    metadata: { ...makeResponse().metadata, redirect_uri: 'https://app.example.com/oauth' },
  });

describe('an OAuth return that restarted Link', () => {
  it('is a session ending at OPEN_OAUTH followed within minutes by a new session on the token', () => {
    expect(oauthRestarts([linked('s2', 190), toTheBank('s1', 0)])).toEqual([
      { earlierSessionId: 's1', laterSessionId: 's2', bank: 'Platypus OAuth Bank', gapMs: 180_000 },
    ]);
    // An hour later is a new visit; an exit after the hand-off says how the session ended.
    expect(oauthRestarts([linked('s2', 3600), toTheBank('s1', 0)])).toEqual([]);
    const exitedAfter = toTheBank('s1', 0);
    exitedAfter.exit = { error: null, metadata: { status: 'requires_oauth' } };
    expect(oauthRestarts([linked('s2', 190), exitedAfter])).toEqual([]);
  });

  it('is told as a retry: the headline, a note instead of "left without finishing", the step and a finding', () => {
    const diagnosis = diagnose(withRedirect([linked('s2', 190), toTheBank('s1', 0)]), NOW);
    expect(diagnosis.headline).toBe(
      'The user linked Platypus OAuth Bank on a second try (the return from the bank’s own sign-in started Link afresh).',
    );
    expect(diagnosis.notes).toEqual([
      'An OAuth retry: a session went to Platypus OAuth Bank’s own sign-in and never came back; 3 min later Link started afresh in a new session instead of resuming it (see Findings).',
    ]);
    const earlier = diagnosis.sessions.find((session) => session.linkSessionId === 's1')!;
    expect(earlier.steps.at(-1)!.detail).toBe(
      'no return to Link: 3 min later Link started afresh in a new session (an OAuth retry)',
    );
    expect(diagnosis.findings.find((finding) => finding.id === 'oauth-restarted')).toMatchObject({
      severity: 'warning',
      value: 's1 → s2 (3 min later)',
    });
  });

  it('never makes the restarted session the one the verdict is about', () => {
    const abandonedLater = makeSession({
      link_session_id: 's2',
      started_at: at(190),
      finished_at: at(230),
      events: [event('OPEN', 190), event('EXIT', 229, { exit_status: 'requires_institution' })],
      exit: { error: null, metadata: { status: 'requires_institution' } },
    });
    // The first session is still "open" (under 30 minutes old) when looked at.
    const diagnosis = diagnose(withRedirect([abandonedLater, toTheBank('s1', 0)]), T0 + 600_000);
    expect(diagnosis.linkSessionId).toBe('s2');
  });
});

describe('a session that ended at the hand-off to the bank, alone', () => {
  it('asks whether the user finished at the bank, naming the redirect page as the other cause', () => {
    const diagnosis = diagnose(withRedirect([toTheBank('s1', 0)]), NOW);
    expect(diagnosis.verdict).toBe('abandoned');
    expect(diagnosis.actor).toBe('end user');
    expect(diagnosis.explanation).toBe(
      'Link handed the user to Platypus OAuth Bank’s own sign-in and heard nothing after: no return to Link, no closed page, no exit. Either the user gave up at the bank, or the return to Link failed.',
    );
    expect(diagnosis.nextStep).toMatch(
      /^Ask the user whether they finished signing in at the bank.*receivedRedirectUri/,
    );
    expect(findings(withRedirect([toTheBank('s1', 0)]), NOW).map((finding) => finding.id)).not.toContain(
      'oauth-restarted',
    );
  });
});

describe('an OAuth retry inside one session', () => {
  it('reads as a retry, not as a closed page', () => {
    const steps = sessionSteps(
      [
        event('OPEN', 0),
        event('OPEN_OAUTH', 5),
        event('CLOSE_OAUTH', 30),
        event('OPEN_OAUTH', 40),
        event('HANDOFF', 90),
      ],
      { finishedAt: at(91), inProgress: false },
      NOW,
    );
    expect(steps.find((step) => step.kind === 'oauth')!.detail).toBe(
      'retried after the user closed the bank’s page',
    );
  });
});

describe('INVALID_FIELD about the OAuth return', () => {
  const invalidField = (error_message: string): PlaidError => ({
    error_type: 'INVALID_REQUEST',
    error_code: 'INVALID_FIELD',
    error_message,
    display_message: null,
  });

  it('names the field at fault: oauth_state_id, the continuation token, the unregistered redirect URI', () => {
    expect(errorAdvice(invalidField('oauth_state_id must be a valid UUID'))).toMatchObject({
      actor: 'integrating team',
      explanation: expect.stringMatching(/oauth_state_id Plaid did not accept/),
    });
    expect(errorAdvice(invalidField('continuation token is invalid or has expired')).explanation).toMatch(
      /continuation token/,
    );
    expect(
      errorAdvice(
        invalidField(
          'OAuth redirect URI must be configured in the developer dashboard. See https://dashboard.plaid.com/team/api',
        ),
      ).nextStep,
    ).toMatch(/allowed redirect URIs in Plaid’s Dashboard/);
  });

  it('leaves other INVALID_FIELD errors to Plaid’s own words', () => {
    expect(errorAdvice(invalidField('client_name must be at most 30 characters')).explanation).toBeNull();
  });
});
