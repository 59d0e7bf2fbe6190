import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinkToken } from '../shared/link-token';
import { LinkTokenGetResponseSchema, type LinkSession } from '../shared/schemas/link-token-get-response';
import { listScenarioTokens, SCENARIOS, UNKNOWN_TOKEN } from './scenarios';
import { startSimulator, type RunningSimulator } from './server';
import { lookUpToken, manualClock } from './test-support';

// Each fixture token, looked up over HTTP the way the proxy does, tells the story its description
// promises, with timestamps relative to the (injected) clock.

const NOW = new Date('2026-03-02T15:00:00Z');
const clock = manualClock(NOW);
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ now: clock.now });
});
afterAll(() => simulator.close());

const token = (scenario: string) => SCENARIOS.find((s) => s.scenario === scenario)!.link_token;

async function lookUp(scenario: string) {
  const reply = await lookUpToken(simulator, token(scenario));
  expect(reply.status).toBe(200);
  return LinkTokenGetResponseSchema.parse(reply.json);
}

const minutesFromNow = (iso: string | null) => (Date.parse(iso!) - NOW.getTime()) / 60_000;
const eventNames = (session: LinkSession) => session.events!.map((e) => e.event_name);

describe('the token list', () => {
  it('offers every fixture once, each a well-formed token with a description, plus an unknown one', () => {
    const tokens = listScenarioTokens();
    expect(new Set(tokens.map((t) => t.link_token)).size).toBe(tokens.length);
    for (const t of tokens) {
      expect(checkLinkToken(t.link_token)).toMatchObject({ ok: true, token: t.link_token });
      expect(t.description.length).toBeGreaterThan(20);
    }
    expect(tokens.at(-1)).toEqual(UNKNOWN_TOKEN);
  });

  it('names no scenario so that its name begins another’s (tests pick fixtures by name)', () => {
    const names = listScenarioTokens().map((t) => t.scenario);
    const clashes = names.flatMap((name) =>
      names
        .filter((other) => other !== name && new RegExp(`^${name}\\b`).test(other))
        .map((other) => `${name} / ${other}`),
    );
    expect(clashes).toEqual([]);
  });
});

describe('fixture scenarios', () => {
  it('fresh: active, never opened', async () => {
    const body = await lookUp('fresh');
    expect(body.link_token).toBe(token('fresh'));
    expect(minutesFromNow(body.created_at)).toBe(-5);
    expect(minutesFromNow(body.expiration)).toBe(235);
    expect(body.link_sessions).toEqual([]);
    expect(body.request_id).toMatch(/^[A-Za-z0-9]{15}$/);
  });

  it('in-progress: one session without an end or outcome, last on the credential view', async () => {
    const [session] = (await lookUp('in-progress')).link_sessions!;
    expect(session!.finished_at).toBeNull();
    expect(session!.on_success).toBeUndefined();
    expect(session!.exit).toBeUndefined();
    expect(session!.events![0]!.event_metadata.view_name).toBe('CREDENTIAL');
  });

  it('success: item_add_results and on_success name the same accounts and public token', async () => {
    const [session] = (await lookUp('success')).link_sessions!;
    const added = session!.results!.item_add_results[0]!;
    expect(added.public_token).toMatch(/^public-sandbox-[0-9a-f-]{36}$/);
    expect(session!.on_success!.public_token).toBe(added.public_token);
    expect(session!.on_success!.metadata!.accounts).toEqual(added.accounts);
    expect(added.accounts.map((a) => a.subtype)).toEqual(['checking', 'savings']);
    expect(added.institution).toEqual({ name: 'First Platypus Bank', institution_id: 'ins_109508' });
    // Plaid lists events newest first: HANDOFF, …, OPEN.
    expect(eventNames(session!).at(0)).toBe('HANDOFF');
    expect(eventNames(session!).at(-1)).toBe('OPEN');
    const times = session!.events!.map((e) => Date.parse(e.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Date.parse(session!.finished_at!)).toBeGreaterThan(times[0]!);
  });

  it('several-sessions: a success after an exit with INVALID_CREDENTIALS', async () => {
    const [second, first] = (await lookUp('several-sessions')).link_sessions!;
    expect(first!.exit!.error!.error_code).toBe('INVALID_CREDENTIALS');
    expect(first!.on_exit).toEqual(first!.exit);
    expect(eventNames(first!).slice(0, 3)).toEqual(['EXIT', 'TRANSITION_VIEW', 'ERROR']);
    expect(second!.results!.item_add_results).toHaveLength(1);
    expect(Date.parse(second!.started_at!)).toBeGreaterThan(Date.parse(first!.finished_at!));
  });

  it('exit-item-login-required: an update-mode token living 30 minutes, exited with ITEM_LOGIN_REQUIRED', async () => {
    const body = await lookUp('exit-item-login-required');
    expect(minutesFromNow(body.expiration) - minutesFromNow(body.created_at)).toBe(30);
    const exit = body.link_sessions![0]!.exit!;
    expect(exit.error).toMatchObject({
      error_type: 'ITEM_ERROR',
      error_code: 'ITEM_LOGIN_REQUIRED',
      documentation_url: 'https://plaid.com/docs/errors/item/#item_login_required',
    });
    expect(exit.metadata!.status).toBe('requires_code');
  });

  it('exit-institution-down: exited with INSTITUTION_DOWN and a message for the user', async () => {
    const session = (await lookUp('exit-institution-down')).link_sessions![0]!;
    expect(session.exit!.error).toMatchObject({
      error_type: 'INSTITUTION_ERROR',
      error_code: 'INSTITUTION_DOWN',
    });
    expect(session.exit!.error!.display_message).toMatch(/not currently responding/);
    const error = session.events!.find((e) => e.event_name === 'ERROR')!;
    expect(error.event_metadata.error_code).toBe('INSTITUTION_DOWN');
  });

  it('oauth: a redirect_uri, OPEN_OAUTH, CLOSE_OAUTH, then OPEN_OAUTH again and success', async () => {
    const body = await lookUp('oauth');
    expect(body.metadata.redirect_uri).toBe('https://app.example.com/plaid/oauth-return');
    const names = eventNames(body.link_sessions![0]!).reverse();
    const oauth = names.filter((n) => n.includes('OAUTH'));
    expect(oauth).toEqual(['OPEN_OAUTH', 'CLOSE_OAUTH', 'OPEN_OAUTH']);
    expect(names.at(-1)).toBe('HANDOFF');
  });

  it('income: bank, payroll and document income results', async () => {
    const body = await lookUp('income');
    expect(body.metadata.initial_products).toEqual(['income_verification']);
    const results = body.link_sessions![0]!.results!;
    expect(results.bank_income_results[0]!.status).toBe('APPROVED');
    expect(results.payroll_income_results[0]).toMatchObject({
      num_paystubs_retrieved: 3,
      num_w2s_retrieved: 1,
    });
    expect(results.document_income_results).toMatchObject({ num_paystubs_uploaded: 2 });
    expect(results.item_add_results).toEqual([]);
  });

  it('cra: CRA item add, update and document upload results, with a user_id', async () => {
    const body = await lookUp('cra');
    expect(body.user_id).toMatch(/^usr_/);
    const results = body.link_sessions![0]!.results!;
    expect(results.cra_item_add_results[0]!.institution!.name).toBe('Tartan Bank');
    expect(results.cra_update_results[0]!.institution!.name).toBe('First Platypus Bank');
    expect(results.cra_document_upload_results).toEqual({ num_bank_statements_uploaded: 2 });
  });

  it('expired: expiration two hours ago, its session still reported', async () => {
    const body = await lookUp('expired');
    expect(minutesFromNow(body.expiration)).toBe(-120);
    expect(body.link_sessions![0]!.exit).toMatchObject({
      error: null,
      metadata: { status: 'institution_not_found' },
    });
  });

  it('large: hundreds of sessions, thousands of events, the same within a minute', async () => {
    const body = await lookUp('large');
    expect(body.link_sessions!.length).toBe(300);
    expect(body.link_sessions!.flatMap((s) => s.events!).length).toBeGreaterThan(2500);
    expect(minutesFromNow(body.expiration)).toBeGreaterThan(0);
    const again = await lookUp('large');
    expect(again.link_sessions).toEqual(body.link_sessions);
    expect(again.request_id).not.toBe(body.request_id);
  });

  it('forward-compatible: nulls where the spec allows them, unknown names and fields kept', async () => {
    const reply = await lookUpToken(simulator, token('forward-compatible'));
    const body = reply.json as Record<string, unknown>;
    expect(body).toMatchObject({ created_at: null, expiration: null, hosted_link: expect.any(Object) });
    const parsed = LinkTokenGetResponseSchema.parse(body);
    expect(parsed.metadata).toMatchObject({
      webhook: null,
      language: null,
      redirect_uri: null,
      client_name: null,
    });
    expect(parsed.metadata.initial_products).toContain('cash_flow_forecast');
    const [running, , bare, failed] = parsed.link_sessions!;
    expect(running).toMatchObject({
      finished_at: null,
      on_success: null,
      exit: null,
      on_exit: null,
      results: null,
    });
    expect(eventNames(running!)).toContain('OPEN_HOLOGRAM_CONSENT');
    expect(bare!.on_success!.metadata).toBeNull();
    expect(failed!.exit!.error!.error_type).toBe('IDENTITY_MATCH_ERROR');
    expect(failed!.on_exit).toEqual({ error: null, metadata: null });
  });

  it('production: a production token whose Item has a production public token', async () => {
    const body = await lookUp('production');
    expect(body.link_token).toMatch(/^link-production-/);
    expect(body.link_sessions![0]!.on_success!.public_token).toMatch(/^public-production-/);
  });

  it('answers the same fixture identically apart from request_id, and moves with the clock', async () => {
    const first = await lookUp('several-sessions');
    const second = await lookUp('several-sessions');
    expect({ ...second, request_id: '' }).toEqual({ ...first, request_id: '' });
    clock.advance(60_000);
    const later = await lookUp('several-sessions');
    expect(Date.parse(later.created_at!) - Date.parse(first.created_at!)).toBe(60_000);
    clock.advance(-60_000);
  });
});
