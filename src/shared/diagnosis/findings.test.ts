import { describe, expect, it } from 'vitest';
import type { LinkTokenGetResponse } from '../schemas/link-token-get-response';
import { makeEvent, makeResponse, makeSession } from '../test/fixtures';
import { findings, type FindingId } from './findings';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const PRODUCTION_TOKEN = 'link-production-0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';

function withMetadata(
  metadata: Partial<LinkTokenGetResponse['metadata']>,
  rest: Partial<LinkTokenGetResponse> = {},
) {
  const base = makeResponse();
  return makeResponse({ ...rest, metadata: { ...base.metadata, ...metadata } });
}

const ids = (response: LinkTokenGetResponse, now = NOW): FindingId[] =>
  findings(response, now).map((f) => f.id);
const find = (response: LinkTokenGetResponse, id: FindingId, now = NOW) =>
  findings(response, now).find((finding) => finding.id === id);

const oauthSession = makeSession({
  link_session_id: 'session-oauth',
  events: [
    makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:00Z' }),
    makeEvent({ event_name: 'OPEN_OAUTH', timestamp: '2026-11-25T10:00:20Z' }),
  ],
  exit: { error: null, metadata: { status: 'requires_oauth' } },
});

describe('findings', () => {
  it('has nothing to say about a typical token', () => {
    expect(findings(makeResponse(), NOW)).toEqual([]);
  });

  describe('the webhook', () => {
    it('is a problem when Plaid cannot reach it, with the field and value as evidence', () => {
      expect(
        find(withMetadata({ webhook: 'https://hooks.acme.internal/plaid' }), 'webhook-unreachable'),
      ).toEqual({
        id: 'webhook-unreachable',
        severity: 'problem',
        title: 'Plaid cannot reach the webhook: an internal-only name (.internal)',
        field: 'webhook',
        value: 'https://hooks.acme.internal/plaid',
        meaning: expect.stringContaining('will not receive its webhooks'),
        docsUrl: 'https://plaid.com/docs/api/webhooks/',
      });
    });

    it('warns separately about plain http, and lists the unreachable problem first', () => {
      expect(ids(withMetadata({ webhook: 'http://api.acme.example/plaid' }))).toEqual(['webhook-plain-http']);
      const both = findings(withMetadata({ webhook: 'http://localhost:3000/plaid' }), NOW);
      expect(both.map((f) => [f.id, f.severity])).toEqual([
        ['webhook-unreachable', 'problem'],
        ['webhook-plain-http', 'warning'],
      ]);
    });

    it('warns when a product that sends webhooks has none to send them to', () => {
      const missing = find(
        withMetadata({ webhook: null, initial_products: ['auth', 'transactions', 'identity'] }),
        'webhook-missing',
      );
      expect(missing).toMatchObject({ severity: 'warning', field: 'webhook', value: null });
      expect(missing!.meaning).toContain('transactions (SYNC_UPDATES_AVAILABLE)');
      expect(missing!.meaning).toContain('auth (AUTOMATICALLY_VERIFIED');
      expect(missing!.meaning).not.toContain('identity');
      expect(ids(withMetadata({ webhook: '', initial_products: ['transactions'] }))).toEqual([
        'webhook-missing',
      ]);
    });

    it('says nothing when no requested product sends webhooks to it', () => {
      expect(ids(withMetadata({ webhook: null, initial_products: ['identity', 'balance'] }))).toEqual([]);
    });

    it('only notes a missing webhook on a 30-minute token: in update mode the field has no effect', () => {
      const response = withMetadata(
        { webhook: null, initial_products: ['transactions'] },
        { expiration: '2026-11-25T10:30:00Z' },
      );
      const missing = find(response, 'webhook-missing');
      expect(missing?.severity).toBe('info');
      expect(missing?.meaning).toMatch(/^If this is an update-mode token .* has no effect/);
    });
  });

  describe('OAuth and redirect_uri', () => {
    it('warns when a session reached a bank’s own sign-in and the token has no redirect_uri', () => {
      const finding = find(makeResponse({ link_sessions: [oauthSession] }), 'oauth-without-redirect-uri');
      expect(finding).toMatchObject({ severity: 'warning', field: 'redirect_uri', value: null });
      expect(finding!.title).toBe(
        'A session reached a bank’s own sign-in (OAuth), but the token has no redirect_uri',
      );
      expect(finding!.meaning).toContain('android_package_name');
    });

    it('counts an exit at requires_oauth as reaching OAuth, and is silent with a redirect_uri or without OAuth', () => {
      const exitOnly = makeSession({ exit: { error: null, metadata: { status: 'requires_oauth' } } });
      expect(ids(makeResponse({ link_sessions: [exitOnly] }))).toContain('oauth-without-redirect-uri');
      const withRedirect = withMetadata(
        { redirect_uri: 'https://app.example.com/oauth' },
        { link_sessions: [oauthSession] },
      );
      expect(ids(withRedirect)).toEqual([]);
      expect(ids(makeResponse({ link_sessions: [makeSession()] }))).not.toContain(
        'oauth-without-redirect-uri',
      );
    });

    it('is a problem when the redirect_uri has a query string', () => {
      expect(
        find(
          withMetadata({ redirect_uri: 'https://app.example.com/oauth?from=plaid' }),
          'redirect-uri-query',
        ),
      ).toMatchObject({
        severity: 'problem',
        value: 'https://app.example.com/oauth?from=plaid',
      });
    });

    it('is a problem when the redirect_uri is not https in Production, and only there', () => {
      const http = 'http://app.example.com/oauth';
      expect(ids(withMetadata({ redirect_uri: http }, { link_token: PRODUCTION_TOKEN }))).toEqual([
        'redirect-uri-not-https',
      ]);
      expect(ids(withMetadata({ redirect_uri: http }))).toEqual([]);
      expect(
        ids(
          withMetadata({ redirect_uri: 'https://app.example.com/oauth' }, { link_token: PRODUCTION_TOKEN }),
        ),
      ).toEqual([]);
    });
  });

  describe('the token’s lifetime', () => {
    const lifetime = (expiration: string, products?: string[]) =>
      find(
        withMetadata(products ? { initial_products: products } : {}, { expiration }),
        'token-lifetime',
        Date.parse('2026-11-25T10:05:00Z'),
      );

    it('explains a lifetime other than the 4 hours of a new Item', () => {
      expect(lifetime('2026-11-25T14:00:00Z')).toBeUndefined();
      expect(lifetime('2026-11-25T10:30:00Z')).toMatchObject({
        severity: 'info',
        field: 'expiration',
        value: '30 min',
        title: 'Lifetime 30 min: Plaid’s default for update mode (an existing Item) or a Hosted Link URL',
        docsUrl: 'https://plaid.com/docs/link/update-mode/',
      });
      expect(lifetime('2026-11-26T10:00:00Z')?.meaning).toContain('SMS');
      expect(lifetime('2026-12-02T10:00:00Z')?.meaning).toContain('email');
      expect(lifetime('2026-11-25T12:00:00Z')).toMatchObject({
        value: '2 h',
        docsUrl: 'https://plaid.com/docs/link/hosted-link/',
      });
    });

    it('adds that Identity Verification does not enforce the expiry', () => {
      expect(lifetime('2026-11-25T10:30:00Z', ['identity_verification'])?.meaning).toContain(
        'Plaid does not enforce the expiry for Identity Verification sessions.',
      );
    });
  });

  describe('sessions', () => {
    const expiredAnswer = (session: Parameters<typeof makeSession>[0]) =>
      makeResponse({ expiration: '2026-11-25T10:30:00Z', link_sessions: [makeSession(session)] });

    it('warns when the token expired while a session was open', () => {
      const openAtExpiry = expiredAnswer({
        link_session_id: 's-open',
        started_at: '2026-11-25T10:20:00Z',
        finished_at: null,
      });
      expect(find(openAtExpiry, 'expired-while-open')).toMatchObject({
        severity: 'warning',
        field: 'expiration',
        value: '25 Nov 2026, 10:30:00 UTC',
        meaning: expect.stringContaining('(s-open) had not finished when the token expired'),
      });
      const finishedAfter = expiredAnswer({
        started_at: '2026-11-25T10:20:00Z',
        finished_at: '2026-11-25T10:40:00Z',
      });
      expect(ids(finishedAfter)).toContain('expired-while-open');
    });

    it('is silent when the session ended before the expiry, or the token is still valid', () => {
      const finishedBefore = expiredAnswer({
        started_at: '2026-11-25T10:20:00Z',
        finished_at: '2026-11-25T10:25:00Z',
      });
      expect(ids(finishedBefore)).not.toContain('expired-while-open');
      const open = expiredAnswer({ started_at: '2026-11-25T10:20:00Z', finished_at: null });
      expect(ids(open, Date.parse('2026-11-25T10:29:00Z'))).not.toContain('expired-while-open');
    });

    it('notes several sessions on one token', () => {
      const two = makeResponse({
        link_sessions: [makeSession({ link_session_id: 'a' }), makeSession({ link_session_id: 'b' })],
      });
      expect(find(two, 'several-sessions')).toMatchObject({
        severity: 'info',
        value: '2 sessions',
        field: 'link_sessions',
      });
    });

    it('notes finished sessions without events, naming at most three', () => {
      const bare = Array.from({ length: 5 }, (_, i) =>
        makeSession({ link_session_id: `bare-${i}`, events: [] }),
      );
      const open = makeSession({ link_session_id: 'open', events: [], finished_at: null });
      const finding = find(makeResponse({ link_sessions: [...bare, open] }), 'sessions-without-events');
      expect(finding).toMatchObject({
        severity: 'info',
        title: '5 finished sessions have no events',
        value: 'bare-0, bare-1, bare-2 and 2 more',
      });
      expect(finding?.meaning).toMatch(/only for Hosted Link sessions.*ask Plaid to enable Link event data/);
      const noEventsField = makeSession({ link_session_id: 'x', events: undefined });
      expect(find(makeResponse({ link_sessions: [noEventsField] }), 'sessions-without-events')?.title).toBe(
        'A finished session has no events',
      );
    });
  });
});
