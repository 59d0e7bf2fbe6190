import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { emptyResults, invalidCredentials, makeEvent, makeResponse, makeSession } from '../test/fixtures';
import { diagnose } from './diagnose';
import { lookupErrorSummary, supportSummary, TICKET_SESSION_LIMIT } from './support-summary';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const INSPECTOR = 'https://inspector.example/?link_token=link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';

const failed = makeSession({
  link_session_id: 'session-failed',
  started_at: '2026-11-25T10:00:00Z',
  finished_at: '2026-11-25T10:03:30Z',
  events: [
    makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:00Z' }),
    makeEvent({
      event_name: 'TRANSITION_VIEW',
      timestamp: '2026-11-25T10:00:05Z',
      event_metadata: { view_name: 'CREDENTIAL' },
    }),
    makeEvent({
      event_name: 'TRANSITION_VIEW',
      timestamp: '2026-11-25T10:03:00Z',
      event_metadata: { view_name: 'ERROR' },
    }),
    makeEvent({ event_name: 'EXIT', timestamp: '2026-11-25T10:03:20Z' }),
  ],
  exit: {
    error: invalidCredentials,
    metadata: {
      status: 'requires_credentials',
      request_id: 'exit-meta-req',
      institution: { name: 'Tartan Bank', institution_id: 'ins_109511' },
    },
  },
});

const succeeded = makeSession({
  link_session_id: 'session-linked',
  started_at: '2026-11-25T11:00:00Z',
  finished_at: '2026-11-25T11:02:00Z',
  events: [makeEvent({ event_name: 'HANDOFF', timestamp: '2026-11-25T11:01:55Z' })],
  on_success: {
    public_token: 'public-sandbox-secret-to-leave-out',
    metadata: { institution: { name: 'First Platypus Bank', institution_id: 'ins_109508' } },
  },
  results: {
    ...emptyResults,
    item_add_results: [
      { public_token: 'public-sandbox-secret-to-leave-out', accounts: [], institution: null },
    ],
  },
});

describe('supportSummary', () => {
  it('starts with the verdict, who acts next and the next step, then what the user saw, Plaid’s error, our words, docs, client and inspector link', () => {
    const text = supportSummary(makeResponse({ link_sessions: [failed] }), NOW, { inspectorUrl: INSPECTOR });
    expect(text.split('\n').slice(0, 9)).toEqual([
      'Verdict: Failed. Link failed at Tartan Bank with INVALID_CREDENTIALS (exit status requires_credentials).',
      'Who acts next: The end user',
      expect.stringMatching(/^Next step: The user tries again .* lock the account at the bank/),
      'What the end user saw: Link showed: “The credentials you provided were incorrect. Check your details and try again.” Last screen: an error screen (ERROR). Exit status requires_credentials: the user left at the bank’s sign-in form after Link showed an error.',
      'Plaid’s error: ITEM_ERROR / INVALID_CREDENTIALS: the provided credentials were not correct',
      'Our explanation: The bank rejected the username or password.',
      'Docs: https://plaid.com/docs/errors/item/#invalid_credentials',
      'Client name: Acme Budget',
      `Inspector: ${INSPECTOR}`,
    ]);
  });

  it('then the token’s details, the IDs Plaid support asks for and its configuration, every time absolute in UTC', () => {
    const text = supportSummary(makeResponse(), NOW);
    expect(text).toContain(
      [
        'Details',
        'Link token: link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5',
        'Looked up: 25 Nov 2026, 12:00:00 UTC',
        'Token validity: Active when looked up',
        'Created: 25 Nov 2026, 10:00:00 UTC',
        'Expires: 25 Nov 2026, 14:00:00 UTC',
        'Lifetime: 4 h',
        'Request ID (/link/token/get): req-abc123',
        '',
        'Configuration',
        'Products: auth, transactions',
        'Countries: US, CA',
        'Webhook: https://example.com/webhook',
        'redirect_uri: not set',
        '',
        'Link sessions',
        '- No Link sessions: Link was never opened with this token, or its sessions ended more than six hours ago (Plaid keeps session data for six hours).',
      ].join('\n'),
    );
    expect(text.split('\n')[0]).toBe(
      'Verdict: Never opened. Link has not been opened with this token yet; it is still valid until 25 Nov 2026, 14:00:00 UTC.',
    );
    expect(text).not.toMatch(/\d+ (s|min|h|d) ago|time left/);
  });

  it('lists the verdict’s session first, then the others newest first, with their IDs and codes', () => {
    const text = supportSummary(makeResponse({ link_sessions: [failed, succeeded] }), NOW);
    expect(text).toContain(
      'Also\n- Why the earlier attempt failed: The bank rejected the username or password.',
    );
    expect(text).toContain(
      [
        'Link sessions (2)',
        'Session 1 of 2 (the verdict’s): session-linked',
        '  Outcome: Linked',
        '  Started: 25 Nov 2026, 11:00:00 UTC; finished: 25 Nov 2026, 11:02:00 UTC',
        '  Institution: First Platypus Bank (ins_109508)',
        '  Steps: Hand-off (success)',
        '  Stopped at: Hand-off (success)',
        '  Results: item_add_results (1)',
        'Session 2 of 2: session-failed',
        '  Outcome: Failed: ITEM_ERROR / INVALID_CREDENTIALS',
        '  Started: 25 Nov 2026, 10:00:00 UTC; finished: 25 Nov 2026, 10:03:30 UTC',
        '  Institution: Tartan Bank (ins_109511)',
        '  Steps: Opened Link → Bank credentials → Exit',
        '  Stopped at: Bank credentials',
        '  Exit status: requires_credentials',
        '  Error request ID: exit-req-1',
        '  Exit request ID: exit-meta-req',
      ].join('\n'),
    );
  });

  it('lists the findings with their evidence, meaning and docs', () => {
    const base = makeResponse();
    const text = supportSummary(
      makeResponse({ metadata: { ...base.metadata, webhook: 'https://10.0.0.5/hook' } }),
      NOW,
    );
    expect(text).toContain(
      'Findings\n- Problem: Plaid cannot reach the webhook: a private address (10.0.0.0/8)\n  webhook: https://10.0.0.5/hook\n  Meaning: Plaid sends webhooks',
    );
    expect(text).toContain('  Docs: https://plaid.com/docs/api/webhooks/');
  });

  it('never includes a public token, which could still be exchanged for an access token', () => {
    for (const format of ['text', 'markdown'] as const) {
      expect(supportSummary(makeResponse({ link_sessions: [succeeded] }), NOW, { format })).not.toContain(
        'public-sandbox',
      );
    }
  });

  it('caps a huge token’s sessions, keeps the verdict’s session, and says how many were left out', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      makeSession({
        link_session_id: `s${i}`,
        started_at: new Date(Date.parse('2026-11-25T10:00:00Z') + i * 60_000).toISOString(),
        exit: { error: null, metadata: { status: 'requires_credentials' } },
      }),
    );
    const withFailure = [...many, { ...failed, started_at: '2026-11-25T09:00:00Z' }];
    const text = supportSummary(makeResponse({ link_sessions: withFailure }), NOW);
    expect(text.match(/^Session \d+ of 41/gm)).toHaveLength(TICKET_SESSION_LIMIT);
    expect(text).toContain('Session 41 of 41 (the verdict’s): session-failed');
    expect(text).toContain(
      '- 31 more sessions are not listed here, to keep the ticket short: this token has 41. The inspector shows them all.',
    );
  });

  it('comes as Markdown too, with the same content and values that cannot break the layout', () => {
    const base = makeResponse();
    const response = makeResponse({
      link_sessions: [failed],
      metadata: { ...base.metadata, client_name: 'Acme *Budget* <script>' },
    });
    const markdown = supportSummary(response, NOW, { format: 'markdown', inspectorUrl: INSPECTOR });
    expect(markdown.split('\n').slice(0, 2)).toEqual([
      '- **Verdict:** Failed. Link failed at Tartan Bank with INVALID\\_CREDENTIALS (exit status requires\\_credentials).',
      '- **Who acts next:** The end user',
    ]);
    expect(markdown).toContain('- **Client name:** Acme \\*Budget\\* \\<script\\>');
    expect(markdown).toContain(`- **Inspector:** <${INSPECTOR}>`);
    expect(markdown).toContain(
      '### Link sessions (1)\n- **Session 1 of 1 (the verdict’s):** `session-failed`',
    );
  });

  it('lets no link or image in through Plaid’s values: a blank line in a code-style value ends no span', () => {
    const inject = '\n\n[Verify your account](https://evil.example) ![](https://evil.example/pixel.png)';
    const hostile = makeSession({
      ...failed,
      link_session_id: `session${inject}`,
      exit: {
        error: { ...invalidCredentials, error_message: `wrong${inject}`, request_id: `req${inject}` },
        metadata: {
          status: `requires_credentials${inject}`,
          request_id: `exit${inject}`,
          institution: { name: `Tartan\u202e Bank${inject}`, institution_id: 'ins_109511' },
        },
      },
    });
    const base = makeResponse();
    const response = makeResponse({
      link_sessions: [hostile],
      request_id: `req-abc${inject}`,
      metadata: { ...base.metadata, client_name: `Acme${inject}` },
    });

    const markdown = supportSummary(response, NOW, { format: 'markdown', inspectorUrl: INSPECTOR });
    const html = new MarkdownIt('commonmark').render(markdown);
    const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((href) => href!.includes('evil.example'))).toEqual([]);
    expect(html).not.toContain('<img');
    expect(markdown).toContain(
      '- **Session 1 of 1 (the verdict’s):** `session [Verify your account](https://evil.example) ![](https://evil.example/pixel.png)`',
    );

    const text = supportSummary(response, NOW, { inspectorUrl: INSPECTOR });
    expect(text).not.toMatch(/[\n]\[Verify|\u202e/);
  });

  it('says when the token has expired, and when Plaid gave no times', () => {
    expect(supportSummary(makeResponse(), Date.parse('2026-11-25T15:00:00Z'))).toContain(
      'Token validity: Expired when looked up',
    );
    const text = supportSummary(makeResponse({ created_at: null, expiration: null }), NOW);
    expect(text).toContain('Created: not given\nExpires: not given\nRequest ID');
    expect(text).toContain('Token validity: Unknown expiry');
  });
});

describe('lookupErrorSummary', () => {
  const invalidLinkToken = {
    error_type: 'INVALID_INPUT',
    error_code: 'INVALID_LINK_TOKEN',
    error_message: 'invalid link_token provided',
    display_message: null,
    request_id: 'plaid-req-9',
  };

  it('gives a failed lookup’s verdict, who acts next, the next step, the error and its request ID', () => {
    const text = lookupErrorSummary(invalidLinkToken, 400, NOW, {
      linkToken: ' link-sandbox-0C1D2E3F-4A5B-4C6D-8E9F-A0B1C2D3E4F5 ',
      inspectorUrl: INSPECTOR,
    });
    expect(text.split('\n')).toEqual([
      'Verdict: Lookup failed. INVALID_LINK_TOKEN: Plaid does not know this link token (wrong environment, mistyped, or too old).',
      'Who acts next: The person looking up the token',
      expect.stringMatching(/^Next step: Use the credentials of the team that created the token/),
      'Worth retrying: no',
      expect.stringMatching(/^Our explanation: Plaid does not know this token for these credentials/),
      'Error: INVALID_INPUT / INVALID_LINK_TOKEN (HTTP 400), from Plaid',
      'Message: invalid link_token provided',
      'Request ID: plaid-req-9',
      'Docs: https://plaid.com/docs/errors/invalid-input/#invalid_link_token',
      'Link token: link-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5',
      'Looked up: 25 Nov 2026, 12:00:00 UTC',
      `Inspector: ${INSPECTOR}`,
    ]);
  });

  it('never puts what was pasted into the ticket unless it is a link token', () => {
    const accessToken = 'access-sandbox-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';
    const wrongType = {
      error_type: 'PROXY_ERROR',
      error_code: 'WRONG_TOKEN_TYPE',
      error_message: 'This is an access_token, a long-lived secret: do not share it.',
      display_message: null,
      request_id: 'our-req-1',
    };
    const text = lookupErrorSummary(wrongType, 400, NOW, { linkToken: accessToken });
    expect(text).not.toContain('access-sandbox');
    expect(text).toContain('Request ID: our-req-1');
    expect(text).toContain('Error: PROXY_ERROR / WRONG_TOKEN_TYPE (HTTP 400), from the inspector’s server');
  });

  it('marks retryable failures, and writes Markdown too', () => {
    const network = {
      error_type: 'CLIENT_ERROR',
      error_code: 'NETWORK_ERROR',
      error_message: 'offline',
      display_message: null,
    };
    const markdown = lookupErrorSummary(network, null, NOW, { format: 'markdown' });
    expect(markdown).toContain('- **Worth retrying:** yes');
    expect(markdown).toContain('- **Error:** CLIENT\\_ERROR / NETWORK\\_ERROR, in the browser');
    expect(markdown).not.toContain('Request ID');
  });
});

describe('supportSummary: what a ticket leaves out and adds', () => {
  const openSession = makeSession({
    link_session_id: 'session-open',
    started_at: '2026-11-25T11:00:00Z',
    finished_at: null,
    events: [
      makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T11:00:00Z' }),
      makeEvent({
        event_name: 'TRANSITION_VIEW',
        timestamp: '2026-11-25T11:10:13Z',
        event_metadata: { view_name: 'CREDENTIAL' },
      }),
    ],
  });

  it('names moments as dates with their time zone, never "… ago" as the page does', () => {
    const response = makeResponse({ link_sessions: [openSession] });
    const text = supportSummary(response, NOW);
    expect(text.split('\n')[0]).toBe(
      'Verdict: Abandoned. The user stopped at the bank’s sign-in form on 25 Nov 2026, 11:10:13 UTC and never finished.',
    );
    expect(text).not.toMatch(/\d+ (s|min|h|d) ago/);
    // The page, read now, keeps the relative words.
    expect(diagnose(response, NOW).headline).toContain('49 min 47 s ago');
  });

  it('leaves out Note-level findings and the lifetime’s guess, keeps Warnings and Problems', () => {
    const base = makeResponse();
    const updateMode = makeResponse({
      created_at: '2026-11-25T11:50:00Z',
      expiration: '2026-11-25T12:20:00Z',
      link_sessions: [openSession, failed],
      metadata: { ...base.metadata, webhook: 'http://example.com/hook' },
    });
    const page = diagnose(updateMode, NOW);
    expect(page.findings.map((finding) => finding.severity)).toContain('info');
    const text = supportSummary(updateMode, NOW);
    expect(text).not.toContain('Note:');
    expect(text).not.toContain('update mode');
    expect(text).toContain('Lifetime: 30 min\n');
    expect(text).toContain('- Warning: The webhook uses plain http');
  });

  it('gives the configuration, with what is not set said so', () => {
    const base = makeResponse();
    const text = supportSummary(
      makeResponse({
        metadata: { ...base.metadata, webhook: null, redirect_uri: 'https://app.example/oauth' },
      }),
      NOW,
      { format: 'markdown' },
    );
    expect(text).toContain(
      [
        '### Configuration',
        '- **Products:** `auth, transactions`',
        '- **Countries:** `US, CA`',
        '- **Webhook:** not set',
        '- **redirect\\_uri:** <https://app.example/oauth>',
      ].join('\n'),
    );
  });

  it('adds the bank’s health when the page has it, after our explanation', () => {
    const text = supportSummary(makeResponse({ link_sessions: [failed] }), NOW, {
      bankHealth: 'Tartan Bank’s logins were healthy during the session and are now (97% succeed).',
    });
    expect(text).toContain(
      'Our explanation: The bank rejected the username or password.\nBank health: Tartan Bank’s logins were healthy during the session and are now (97% succeed).',
    );
    expect(supportSummary(makeResponse({ link_sessions: [failed] }), NOW)).not.toContain('Bank health');
  });
});
