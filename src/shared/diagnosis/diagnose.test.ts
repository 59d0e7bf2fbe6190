import { describe, expect, it } from 'vitest';
import type { LinkSession, LinkTokenGetResponse } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import { emptyResults, invalidCredentials, makeEvent, makeResponse, makeSession } from '../test/fixtures';
import { diagnose } from './diagnose';

// Times: the token is created at 10:00 and lives 4 h; the lookup happens at NOW unless a test
// says otherwise.
const NOW = Date.parse('2026-11-25T12:00:00Z');
const T0 = Date.parse('2026-11-25T11:50:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');
const event = (event_name: string, seconds: number, event_metadata = {}) =>
  makeEvent({ event_name, timestamp: at(seconds), event_metadata });
const view = (view_name: string, seconds: number) => event('TRANSITION_VIEW', seconds, { view_name });
const TARTAN = { institution_name: 'Tartan Bank', institution_id: 'ins_109511' };

const itemLoginRequired: PlaidError = {
  error_type: 'ITEM_ERROR',
  error_code: 'ITEM_LOGIN_REQUIRED',
  error_message: 'the login details of this item have changed',
  display_message: null,
  request_id: 'req-ilr',
};

// A session that ended with `exit` after the given events (Plaid's order: newest first is fine).
function exited(
  error: PlaidError | null,
  status: string,
  events: LinkSession['events'],
  overrides: Partial<LinkSession> = {},
): LinkSession {
  return makeSession({
    link_session_id: 'session-exit',
    started_at: at(0),
    finished_at: at(100),
    events,
    exit: { error, metadata: { status, institution: { name: 'Tartan Bank', institution_id: 'ins_109511' } } },
    results: emptyResults,
    ...overrides,
  });
}

const linkedSession = (id: string, start: number) =>
  makeSession({
    link_session_id: id,
    started_at: at(start),
    finished_at: at(start + 60),
    events: [event('OPEN', start), view('CONNECTED', start + 50), event('HANDOFF', start + 55)],
    on_success: {
      public_token: 'public-sandbox-leave-me-out',
      metadata: { institution: { name: 'First Platypus Bank', institution_id: 'ins_109508' } },
    },
  });

const credentialEvents = (error: PlaidError) => [
  event('OPEN', 0),
  event('SELECT_INSTITUTION', 10, TARTAN),
  view('CREDENTIAL', 11),
  event('SUBMIT_CREDENTIALS', 30, TARTAN),
  event('ERROR', 35, { ...TARTAN, error_code: error.error_code }),
  view('ERROR', 36),
  view('EXIT', 40),
  event('EXIT', 44, { exit_status: 'requires_credentials' }),
];

const withSessions = (sessions: LinkSession[], overrides: Partial<LinkTokenGetResponse> = {}) =>
  makeResponse({ link_sessions: sessions, ...overrides });

describe('diagnose: a token without sessions', () => {
  it('never opened, while the token is valid and recent', () => {
    const diagnosis = diagnose(makeResponse(), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'never opened',
      tone: 'neutral',
      headline: 'Link has not been opened with this token yet; it is still valid for 2 h.',
      actor: 'end user',
      endUserSaw: null,
      error: null,
      linkSessionId: null,
      sessions: [],
      tokenStatus: { kind: 'active', msLeft: 2 * 3600_000 },
    });
    expect(diagnosis.nextStep).toContain('opens Link with this very token');
  });

  it('expired unused, when it expired within six hours of its creation', () => {
    const diagnosis = diagnose(makeResponse(), Date.parse('2026-11-25T15:00:00Z'));
    expect(diagnosis).toMatchObject({
      verdict: 'expired unused',
      tone: 'warning',
      headline: 'The token expired 1 h ago without Link being opened with it.',
      actor: 'integrating team',
    });
    expect(diagnosis.nextStep).toMatch(/^Create a new link token/);
  });

  it('no session data, when made over six hours ago: says so, and that the token has expired', () => {
    const diagnosis = diagnose(makeResponse(), Date.parse('2026-11-25T17:00:00Z'));
    expect(diagnosis).toMatchObject({
      verdict: 'no session data',
      headline:
        'Plaid has no session data: Link was never opened with this token, or its sessions ended more than six hours ago; it expired 3 h ago.',
      actor: 'integrating team',
    });
    expect(diagnosis.explanation).toMatch(
      /^This token was created 7 h ago\. Plaid keeps session data for six hours/,
    );
  });

  it('no session data for a long-lived token still valid, which can still be used', () => {
    const linkDelivery = makeResponse({ expiration: '2026-12-02T10:00:00Z' });
    const diagnosis = diagnose(linkDelivery, Date.parse('2026-11-27T10:00:00Z'));
    expect(diagnosis.verdict).toBe('no session data');
    expect(diagnosis.headline).toContain('it is still valid for 5 d');
    expect(diagnosis.nextStep).toContain('the user can open Link with it');
  });

  it('no session data when Plaid did not say when the token was made', () => {
    const diagnosis = diagnose(makeResponse({ created_at: null, expiration: null }), NOW);
    expect(diagnosis.verdict).toBe('no session data');
    expect(diagnosis.headline).toContain('Plaid did not say when it expires');
    expect(diagnosis.explanation).toMatch(/^Plaid did not say when this token was created/);
  });
});

describe('diagnose: a failed session', () => {
  it('names the outcome, bank, code and exit status; who acts next and the next step', () => {
    const session = exited(itemLoginRequired, 'requires_code', [
      event('OPEN', 0),
      view('CREDENTIAL', 2),
      event('SUBMIT_CREDENTIALS', 20, TARTAN),
      view('MFA', 23),
      event('ERROR', 95, { ...TARTAN, error_code: 'ITEM_LOGIN_REQUIRED' }),
      view('ERROR', 96),
      event('EXIT', 104, { exit_status: 'requires_code' }),
    ]);
    const diagnosis = diagnose(withSessions([session]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'failed',
      tone: 'failure',
      headline: 'Link failed at Tartan Bank with ITEM_LOGIN_REQUIRED (exit status requires_code).',
      actor: 'integrating team',
      explanation:
        'The bank needs the user to sign in again: the password changed, or the MFA or consent expired.',
      error: itemLoginRequired,
      docsUrl: 'https://plaid.com/docs/errors/item/#item_login_required',
      institution: 'Tartan Bank (ins_109511)',
      linkSessionId: 'session-exit',
      notes: [],
    });
    expect(diagnosis.nextStep).toMatch(/^Send the user through Link in update mode/);
    // Said once: the next step names update mode, the explanation only the cause.
    expect(diagnosis.explanation).not.toContain('update mode');
    expect(diagnosis.endUserSaw).toEqual({
      message: null,
      lastScreen: 'ERROR',
      exitStatus: 'requires_code',
      text: 'Last screen: an error screen (ERROR). Exit status requires_code: the user left when asked for a one-time passcode.',
    });
    expect(diagnosis.sessions[0]).toMatchObject({ verdict: 'failed', stoppedAt: 'mfa', durationMs: 100_000 });
  });

  it('INVALID_CREDENTIALS: the user retries, warned of the lock-out risk; what Link showed them', () => {
    const diagnosis = diagnose(
      withSessions([
        exited(invalidCredentials, 'requires_credentials', credentialEvents(invalidCredentials)),
      ]),
      NOW,
    );
    expect(diagnosis.actor).toBe('end user');
    expect(diagnosis.nextStep).toContain('several wrong tries can lock the account');
    expect(diagnosis.endUserSaw?.text).toBe(
      'Link showed: “The credentials you provided were incorrect. Check your details and try again.” Last screen: an error screen (ERROR). Exit status requires_credentials: the user left after submitting their bank login, before the sign-in completed.',
    );
  });

  it('tells the user to wait for the bank when it is down', () => {
    const down: PlaidError = {
      error_type: 'INSTITUTION_ERROR',
      error_code: 'INSTITUTION_DOWN',
      error_message: 'down',
      display_message: 'The bank is down',
    };
    const diagnosis = diagnose(
      withSessions([exited(down, 'requires_credentials', credentialEvents(down))]),
      NOW,
    );
    expect(diagnosis).toMatchObject({ actor: 'bank', endUserSaw: { message: 'The bank is down' } });
    expect(diagnosis.nextStep).toMatch(
      /^Wait for the bank.*If it still fails after a day, the integrating team contacts Plaid support/,
    );
    expect(diagnosis.endUserSaw?.text).toMatch(/^Link showed: “The bank is down”\. Last screen/);
  });

  it('falls back to Plaid’s message and docs for a code we have no words for', () => {
    const novel: PlaidError = {
      error_type: 'ITEM_ERROR',
      error_code: 'BRAND_NEW_CODE',
      error_message: 'something new happened',
      display_message: null,
      documentation_url: 'https://plaid.com/docs/errors/item/#brand_new_code',
    };
    const diagnosis = diagnose(withSessions([exited(novel, 'requires_credentials', [])]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'failed',
      explanation: null,
      error: { error_message: 'something new happened' },
      docsUrl: 'https://plaid.com/docs/errors/item/#brand_new_code',
      actor: 'end user',
    });
    expect(diagnosis.nextStep).toContain('Read Plaid’s page for BRAND_NEW_CODE');
  });

  it('NO_AUTH_ACCOUNTS: the user links a bank with such an account, of the subtypes the token’s filters name', () => {
    const noAuth: PlaidError = {
      error_type: 'ITEM_ERROR',
      error_code: 'NO_AUTH_ACCOUNTS',
      error_message: 'no valid checking or savings accounts found',
      display_message: null,
    };
    const base = makeResponse();
    const diagnosis = diagnose(
      withSessions([exited(noAuth, 'requires_account_selection', [])], {
        metadata: { ...base.metadata, account_filters: { depository: { account_subtypes: ['checking'] } } },
      }),
      NOW,
    );
    expect(diagnosis.actor).toBe('end user');
    expect(diagnosis.nextStep).toMatch(/checking, savings or cash management.*accepts: checking\.$/);
  });

  it('adds that a new token is needed when the user must retry and this one has expired', () => {
    const diagnosis = diagnose(
      withSessions([exited(invalidCredentials, 'requires_credentials', [])]),
      Date.parse('2026-11-25T15:00:00Z'),
    );
    expect(diagnosis.nextStep).toMatch(/This link token has expired: the app creates a new one first\.$/);
  });

  it('reads the deprecated on_exit when exit is absent', () => {
    const session = makeSession({ on_exit: { error: invalidCredentials, metadata: null } });
    expect(diagnose(withSessions([session]), NOW).verdict).toBe('failed');
  });
});

describe('diagnose: an abandoned session', () => {
  it('at the bank search', () => {
    const session = exited(
      null,
      'requires_credentials',
      [
        event('OPEN', 0),
        view('CONSENT', 1),
        view('SELECT_INSTITUTION', 6),
        event('SEARCH_INSTITUTION', 9, { institution_search_query: 'quokka' }),
        view('EXIT', 30),
        event('EXIT', 32, { exit_status: 'requires_credentials' }),
      ],
      { exit: { error: null, metadata: { status: 'requires_credentials' } } },
    );
    const diagnosis = diagnose(withSessions([session]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'abandoned',
      tone: 'warning',
      headline: 'The user left Link at the bank search without finishing (exit status requires_credentials).',
      actor: 'end user',
      explanation: 'Link reported no error: the user closed Link themselves.',
      endUserSaw: { lastScreen: 'SELECT_INSTITUTION' },
    });
  });

  it('“Why” does not repeat what the end user saw (the exit status’s meaning is said once)', () => {
    const diagnosis = diagnose(
      withSessions([
        exited(null, 'requires_credentials', [
          event('OPEN', 0),
          view('SELECT_INSTITUTION', 5),
          event('EXIT', 20, { exit_status: 'requires_credentials' }),
        ]),
      ]),
      NOW,
    );
    expect(diagnosis.endUserSaw?.text).toContain('the user left before choosing a bank');
    expect(diagnosis.explanation).not.toContain('before choosing a bank');
  });

  it('after choosing a bank Link reported down: wait for the bank', () => {
    const session = exited(
      null,
      'requires_credentials',
      [
        event('OPEN', 0),
        event('SELECT_DOWN_INSTITUTION', 10, { institution_name: 'Unhealthy Platypus Bank - Down' }),
        event('EXIT', 20, { exit_status: 'requires_credentials' }),
      ],
      {
        exit: {
          error: null,
          metadata: {
            status: 'requires_credentials',
            institution: { name: 'Unhealthy Platypus Bank - Down' },
          },
        },
      },
    );
    const diagnosis = diagnose(withSessions([session]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'abandoned',
      headline:
        'The user left Link at the bank choice for Unhealthy Platypus Bank - Down without finishing: Link reported the bank down (exit status requires_credentials).',
      actor: 'bank',
      docsUrl: 'https://plaid.com/docs/link/institution-status/',
    });
  });

  it('a down bank the user moved on from does not explain where they stopped', () => {
    const movedOn = exited(null, 'requires_credentials', [
      event('OPEN', 0),
      event('SELECT_DOWN_INSTITUTION', 10, { institution_name: 'Unhealthy Platypus Bank - Down' }),
      event('SELECT_INSTITUTION', 30, TARTAN),
      view('CREDENTIAL', 31),
      event('EXIT', 60, { exit_status: 'requires_credentials' }),
    ]);
    const diagnosis = diagnose(withSessions([movedOn]), NOW);
    expect(diagnosis.actor).toBe('end user');
    expect(diagnosis.headline).toBe(
      'The user left Link at the bank’s sign-in form for Tartan Bank without finishing (exit status requires_credentials).',
    );
  });

  it('at a bank this token cannot use (filtered, or institution_not_supported): the token’s products and countries', () => {
    const filtered = exited(null, 'institution_not_supported', [
      event('OPEN', 0),
      event('SELECT_FILTERED_INSTITUTION', 10, TARTAN),
      event('EXIT', 20, { exit_status: 'institution_not_supported' }),
    ]);
    const diagnosis = diagnose(withSessions([filtered]), NOW);
    expect(diagnosis.actor).toBe('integrating team');
    expect(diagnosis.headline).toContain(
      ': Link cannot connect this bank for this token (exit status institution_not_supported).',
    );
    expect(diagnosis.explanation).toContain('(auth, transactions) or countries (US, CA)');
    const notSupported = exited(null, 'institution_not_supported', []);
    expect(diagnose(withSessions([notSupported]), NOW).actor).toBe('integrating team');
  });

  it('institution not found: manual entry with micro-deposits only when auth is among the products', () => {
    const notFound = exited(
      null,
      'institution_not_found',
      [event('OPEN', 0), view('SELECT_INSTITUTION', 2)],
      {
        exit: { error: null, metadata: { status: 'institution_not_found' } },
      },
    );
    const withAuth = diagnose(withSessions([notFound]), NOW);
    expect(withAuth.actor).toBe('integrating team');
    expect(withAuth.nextStep).toContain('micro-deposits');
    const base = makeResponse();
    const withoutAuth = diagnose(
      makeResponse({
        link_sessions: [notFound],
        metadata: { ...base.metadata, initial_products: ['transactions'] },
      }),
      NOW,
    );
    expect(withoutAuth.actor).toBe('end user');
    expect(withoutAuth.nextStep).not.toContain('micro-deposits');
    expect(withoutAuth.headline).toContain('no bank matched the search');
  });

  it('at the bank’s own sign-in: the integrating team sets a redirect_uri when there is none', () => {
    const oauth = exited(null, 'requires_oauth', [
      event('OPEN', 0),
      event('SELECT_INSTITUTION', 5, TARTAN),
      event('OPEN_OAUTH', 8, TARTAN),
    ]);
    const without = diagnose(withSessions([oauth]), NOW);
    expect(without).toMatchObject({
      actor: 'integrating team',
      docsUrl: 'https://plaid.com/docs/link/oauth/',
    });
    expect(without.headline).toBe(
      'The user left Link at the bank’s own sign-in (OAuth) for Tartan Bank without finishing: the token has no redirect_uri (exit status requires_oauth).',
    );
    const base = makeResponse();
    const withRedirect = diagnose(
      makeResponse({
        link_sessions: [oauth],
        metadata: { ...base.metadata, redirect_uri: 'https://app.example.com/oauth' },
      }),
      NOW,
    );
    expect(withRedirect.actor).toBe('end user');
  });

  it('without an exit and with no activity for 30 minutes: the user stopped and never finished', () => {
    const stale = makeSession({
      link_session_id: 'stale',
      started_at: '2026-11-25T11:00:00Z',
      finished_at: null,
      events: [event('OPEN', -3000), event('SELECT_INSTITUTION', -2990, TARTAN), view('CREDENTIAL', -2985)],
    });
    const diagnosis = diagnose(withSessions([stale]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'abandoned',
      headline:
        'The user stopped at the bank’s sign-in form for Tartan Bank 59 min 45 s ago and never finished.',
      actor: 'end user',
    });
    expect(diagnosis.sessions[0]!.steps.at(-1)).toMatchObject({
      kind: 'credentials',
      ongoing: false,
      durationMs: null,
    });
  });

  it('open when the token expired: abandoned, and the headline says the token has expired', () => {
    const open = makeSession({
      started_at: at(0),
      finished_at: null,
      events: [event('OPEN', 0), view('MFA', 20)],
    });
    const response = withSessions([open], { expiration: '2026-11-25T11:55:00Z' });
    const diagnosis = diagnose(response, NOW);
    expect(diagnosis.verdict).toBe('abandoned');
    expect(diagnosis.headline).toMatch(/and never finished; the token has expired since\.$/);
    expect(diagnosis.nextStep).toBe('The user starts again with a new link token (this one has expired).');
  });

  it('finished without an exit or a success: Plaid did not say why', () => {
    const diagnosis = diagnose(withSessions([makeSession({ results: emptyResults })]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'abandoned',
      headline: 'The session ended without an exit or a success: Plaid did not say why.',
      actor: 'integrating team',
    });
  });
});

describe('diagnose: linked and in progress', () => {
  it('linked: nothing to fix in Link', () => {
    const diagnosis = diagnose(withSessions([linkedSession('linked', 0)]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'linked',
      tone: 'success',
      headline: 'The user linked First Platypus Bank.',
      actor: 'nobody',
      endUserSaw: { lastScreen: 'CONNECTED' },
    });
    expect(diagnosis.nextStep).toMatch(/^Nothing to fix in Link\./);
  });

  it('linked, with a webhook Plaid cannot reach: the integrating team acts, not nobody', () => {
    const response = withSessions([linkedSession('linked', 0)]);
    const diagnosis = diagnose(
      { ...response, metadata: { ...response.metadata, webhook: 'http://localhost:3000/hook' } },
      NOW,
    );
    expect(diagnosis.verdict).toBe('linked');
    expect(diagnosis.actor).toBe('integrating team');
    expect(diagnosis.nextStep).toMatch(
      /^Link itself succeeded, but the integration needs fixing: Plaid cannot reach the webhook/,
    );
  });

  it('in progress: where the user is now, and since when', () => {
    const open = makeSession({
      link_session_id: 'open',
      started_at: at(0),
      finished_at: null,
      events: [event('OPEN', 0), event('SELECT_INSTITUTION', 10, TARTAN), view('CREDENTIAL', 12)],
    });
    const diagnosis = diagnose(withSessions([open]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'in progress',
      tone: 'pending',
      headline:
        'Link is open now at Tartan Bank: the user is at the bank’s sign-in form (last activity 9 min 48 s ago).',
      actor: 'end user',
    });
    expect(diagnosis.sessions[0]!.steps.at(-1)).toMatchObject({
      kind: 'credentials',
      ongoing: true,
      durationMs: 588_000,
    });
  });
});

describe('diagnose: several sessions', () => {
  const failedFirst = exited(
    invalidCredentials,
    'requires_credentials',
    credentialEvents(invalidCredentials),
    {
      link_session_id: 'failed',
    },
  );

  it('a later success after a failure is linked, and says the earlier attempt failed and why', () => {
    const diagnosis = diagnose(withSessions([failedFirst, linkedSession('linked', 200)]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'linked',
      linkSessionId: 'linked',
      headline:
        'The user linked First Platypus Bank, after an earlier attempt failed at Tartan Bank with INVALID_CREDENTIALS.',
      // The headline names the earlier failure; the note says only why it failed.
      notes: ['Why the earlier attempt failed: The bank rejected the username or password.'],
    });
    expect(diagnosis.sessions.map((session) => session.linkSessionId)).toEqual(['linked', 'failed']);
  });

  it('a failure after a success is failed, and says an earlier session linked', () => {
    const later = exited(invalidCredentials, 'requires_credentials', [], {
      link_session_id: 'failed-later',
      started_at: at(300),
    });
    const diagnosis = diagnose(withSessions([linkedSession('linked', 0), later]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'failed',
      linkSessionId: 'failed-later',
      notes: ['Another session linked First Platypus Bank.'],
    });
  });

  it('an abandoned attempt after a failure does not hide the failure', () => {
    const closed = exited(null, 'requires_credentials', [], {
      link_session_id: 'closed',
      started_at: at(300),
    });
    const diagnosis = diagnose(withSessions([failedFirst, closed]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'failed',
      linkSessionId: 'failed',
      notes: ['Another session was left without finishing.'],
    });
  });

  it('a session in progress is the verdict, with what the earlier ones did', () => {
    const open = makeSession({
      link_session_id: 'open',
      started_at: at(400),
      finished_at: null,
      events: [event('OPEN', 400)],
    });
    const diagnosis = diagnose(withSessions([failedFirst, open]), NOW);
    expect(diagnosis).toMatchObject({
      verdict: 'in progress',
      linkSessionId: 'open',
      notes: ['An earlier attempt failed at Tartan Bank with INVALID_CREDENTIALS.'],
    });
  });

  it('counts many other sessions instead of listing them', () => {
    const failures = Array.from({ length: 3 }, (_, i) =>
      exited(invalidCredentials, 'requires_credentials', [], {
        link_session_id: `f${i}`,
        started_at: at(i * 10),
      }),
    );
    const diagnosis = diagnose(
      withSessions([...failures, linkedSession('l1', 100), linkedSession('l2', 200)]),
      NOW,
    );
    expect(diagnosis.notes).toEqual([
      'Why the earlier attempt failed: The bank rejected the username or password.',
      '2 more earlier attempts failed too.',
      'Another session linked First Platypus Bank.',
    ]);
  });

  it('notes when Link warned that the chosen bank’s connection was degraded', () => {
    const degraded = exited(invalidCredentials, 'requires_credentials', [
      event('OPEN', 0),
      event('SELECT_DEGRADED_INSTITUTION', 5, { institution_name: 'Unhealthy Platypus Bank - Degraded' }),
    ]);
    expect(diagnose(withSessions([degraded]), NOW).notes).toEqual([
      'Link warned the user that Unhealthy Platypus Bank - Degraded’s connection was degraded when they chose it.',
    ]);
  });
});

describe('diagnose: everything together', () => {
  it('carries the findings, most severe first, and the token’s validity', () => {
    const base = makeResponse();
    const diagnosis = diagnose(
      makeResponse({ metadata: { ...base.metadata, webhook: 'http://localhost:3000/hook' } }),
      Date.parse('2026-11-25T15:00:00Z'),
    );
    expect(diagnosis.findings.map((finding) => finding.id)).toEqual([
      'webhook-unreachable',
      'webhook-plain-http',
    ]);
    expect(diagnosis.tokenStatus).toEqual({ kind: 'expired', msAgo: 3600_000 });
  });
});

describe('diagnose: ERROR events without an exit, and INVALID_LINK_TOKEN', () => {
  // Long enough after the last event for an open session to count as left.
  const LATER = T0 + 45 * 60_000;
  const wrongPassword = (seconds: number, request_id: string) =>
    event('ERROR', seconds, {
      ...TARTAN,
      error_type: 'ITEM_ERROR',
      error_code: 'INVALID_CREDENTIALS',
      error_message: 'the provided credentials were not correct',
      request_id,
    });
  const tries = [
    event('OPEN', 0),
    event('SELECT_INSTITUTION', 10, TARTAN),
    view('CREDENTIAL', 11),
    event('SUBMIT_CREDENTIALS', 20, TARTAN),
    wrongPassword(22, 'req-try-1'),
    view('CREDENTIAL', 25),
    event('SUBMIT_CREDENTIALS', 30, TARTAN),
    wrongPassword(32, 'req-try-2'),
    view('ERROR', 33),
  ];

  it('a closed tab after repeated errors: failed on the last error, counted, with its request_id', () => {
    const session = makeSession({
      link_session_id: 'tab-closed',
      started_at: at(0),
      finished_at: null,
      events: tries,
    });
    const diagnosis = diagnose(withSessions([session]), LATER);
    expect(diagnosis).toMatchObject({
      verdict: 'failed',
      actor: 'end user',
      headline:
        'Link failed at Tartan Bank with INVALID_CREDENTIALS (2 failed sign-ins); the user then left without exiting Link.',
      error: { error_code: 'INVALID_CREDENTIALS', request_id: 'req-try-2' },
    });
    expect(diagnosis.sessions[0]).toMatchObject({ errorRepeats: 2, errorEventRequestId: 'req-try-2' });
  });

  it('an error the user moved on from is not the failure', () => {
    const movedOn = [...tries, event('SUBMIT_CREDENTIALS', 60, TARTAN)];
    const session = makeSession({
      link_session_id: 'moved-on',
      started_at: at(0),
      finished_at: null,
      events: movedOn,
    });
    expect(diagnose(withSessions([session]), LATER).verdict).toBe('abandoned');
  });

  it('within 30 minutes of the error the user may still retry: in progress', () => {
    const session = makeSession({
      link_session_id: 'open',
      started_at: at(0),
      finished_at: null,
      events: tries,
    });
    expect(diagnose(withSessions([session]), T0 + 5 * 60_000).verdict).toBe('in progress');
  });

  const invalidLinkToken: PlaidError = {
    error_type: 'INVALID_INPUT',
    error_code: 'INVALID_LINK_TOKEN',
    error_message: 'invalid link_token provided',
    display_message: null,
  };
  const failedOnToken = (events: LinkSession['events']) =>
    exited(invalidLinkToken, 'requires_credentials', [
      ...(events ?? []),
      event('ERROR', 3000, { error_code: 'INVALID_LINK_TOKEN' }),
      event('EXIT', 3001, { exit_status: 'requires_credentials' }),
    ]);

  it('INVALID_LINK_TOKEN after the token’s expiration: the expired token', () => {
    const diagnosis = diagnose(
      withSessions([failedOnToken([event('OPEN', 0)])], { expiration: at(2000) }),
      NOW,
    );
    expect(diagnosis.explanation).toMatch(/^Likely cause: the link token had expired when Link used it\./);
  });

  it('INVALID_LINK_TOKEN after several failed sign-ins: too many attempts', () => {
    const diagnosis = diagnose(
      withSessions([failedOnToken([...tries, wrongPassword(40, 'req-try-3')])]),
      NOW,
    );
    expect(diagnosis.explanation).toMatch(/^Likely cause: too many failed sign-ins \(3 in this session\)\./);
  });

  it('INVALID_LINK_TOKEN 50 minutes into a session: open too long', () => {
    expect(diagnose(withSessions([failedOnToken([event('OPEN', 0)])]), NOW).explanation).toMatch(
      /^Likely cause: the session had been open 50 min \(Link stops accepting a session after 30 minutes\)\./,
    );
  });

  it('INVALID_LINK_TOKEN with nothing in the answer to explain it: Plaid’s three reasons only', () => {
    const quick = exited(invalidLinkToken, 'requires_credentials', [
      event('OPEN', 0),
      event('ERROR', 30, { error_code: 'INVALID_LINK_TOKEN' }),
    ]);
    expect(diagnose(withSessions([quick]), NOW).explanation).not.toMatch(/Likely cause/);
  });
});

describe('diagnose: a session without events', () => {
  it('does not read “stopped at the start” from a missing event stream', () => {
    const bare = exited(null, 'requires_credentials', []);
    const diagnosis = diagnose(withSessions([bare]), NOW);
    expect(diagnosis.headline).not.toContain('the start of Link');
    expect(diagnosis.headline).toContain('an unknown step (Plaid sent no events)');
    const open = makeSession({ link_session_id: 'open', started_at: at(0), finished_at: null, events: [] });
    expect(diagnose(withSessions([open]), T0 + 45 * 60_000).headline).toMatch(
      /^The user stopped at an unknown step \(Plaid sent no events\)/,
    );
  });
});
