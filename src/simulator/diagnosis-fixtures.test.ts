import { describe, expect, it } from 'vitest';
import { diagnose, FINDING_IDS, supportSummary, VERDICTS } from '../shared/diagnosis';
import { LinkTokenGetResponseSchema } from '../shared/schemas/link-token-get-response';
import { SCENARIOS } from './scenarios';

// Every fixture declares what the diagnosis must make of it; here the real diagnosis runs over each
// answer, so a fixture that drifts from its story, or a rule that changes what a fixture means,
// fails. Fault tokens are judged on the answer they spoil (a fresh token's).

const NOW = new Date('2026-03-02T15:00:00Z');

function diagnosed(scenario: (typeof SCENARIOS)[number]) {
  const answer = scenario.answer({
    now: NOW,
    requestId: 'req-fixture',
    firstLookupAt: NOW,
    liveStepMs: 3000,
  });
  return diagnose(LinkTokenGetResponseSchema.parse(answer.body), NOW.getTime());
}

describe('the diagnosis of every simulator fixture', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.scenario, scenario] as const))(
    '%s gets its intended verdict, actor and findings',
    (_name, scenario) => {
      const diagnosis = diagnosed(scenario);
      expect({
        verdict: diagnosis.verdict,
        actor: diagnosis.actor,
        findings: diagnosis.findings.map((finding) => finding.id).sort(),
      }).toEqual({ ...scenario.diagnosis, findings: [...scenario.diagnosis.findings].sort() });
    },
  );

  it('has a fixture for every verdict and every finding', () => {
    expect(new Set(SCENARIOS.map((scenario) => scenario.diagnosis.verdict))).toEqual(new Set(VERDICTS));
    expect(new Set(SCENARIOS.flatMap((scenario) => scenario.diagnosis.findings))).toEqual(
      new Set(FINDING_IDS),
    );
  });
});

describe('the diagnosis fixtures tell their story', () => {
  const of = (name: string) => diagnosed(SCENARIOS.find((scenario) => scenario.scenario === name)!);

  it('abandoned-at-search: stopped at the bank search', () => {
    const diagnosis = of('abandoned-at-search');
    expect(diagnosis.headline).toBe(
      'The user left Link at the bank search without finishing (exit status requires_credentials).',
    );
    expect(diagnosis.sessions[0]!.steps.map((step) => step.kind)).toEqual(['opened', 'searched', 'exit']);
  });

  it('down-bank-chosen: wait for the bank Link reported down', () => {
    expect(of('down-bank-chosen').headline).toBe(
      'The user left Link at the bank choice for Unhealthy Platypus Bank - Down without finishing: Link reported the bank down (exit status requires_credentials).',
    );
  });

  it('filtered-institution: the token’s countries rule the bank out', () => {
    expect(of('filtered-institution').explanation).toContain('countries (US)');
  });

  it('institution-not-found-auth: manual entry with micro-deposits', () => {
    expect(of('institution-not-found-auth').nextStep).toMatch(/^Offer manual entry.*micro-deposits/);
    expect(of('expired').nextStep).not.toContain('micro-deposits');
  });

  it('redirect-uri-missing and exit-oauth-state-not-found: the integrating team fixes the OAuth return', () => {
    expect(of('redirect-uri-missing').headline).toContain('the token has no redirect_uri');
    const failed = of('exit-oauth-state-not-found');
    expect(failed.headline).toBe(
      'Link failed at Platypus OAuth Bank with OAUTH_STATE_ID_NOT_FOUND (exit status requires_oauth).',
    );
    expect(failed.nextStep).toContain('receivedRedirectUri');
  });

  it('restarted-after-oauth, no-return-from-oauth, invalid-continuation-after-oauth: the OAuth return that did not resume', () => {
    expect(of('restarted-after-oauth').headline).toBe(
      'The user linked Platypus OAuth Bank on a second try (the return from the bank’s own sign-in started Link afresh).',
    );
    expect(of('no-return-from-oauth').nextStep).toMatch(
      /^Ask the user whether they finished signing in at the bank/,
    );
    expect(of('invalid-continuation-after-oauth').explanation).toMatch(/continuation token/);
  });

  it('multi-item-no-webhook: every bank linked and the failed try between them', () => {
    expect(of('multi-item-no-webhook').headline).toBe(
      'The user linked First Platypus Bank and Houndstooth Bank (2 Items in one session); an attempt in the same session failed at Tartan Bank with INVALID_CREDENTIALS.',
    );
  });

  it('returning-user-left-at-phone and identity-verification-passed: the newer steps', () => {
    const phone = of('returning-user-left-at-phone');
    expect(phone.headline).toBe(
      'The user left Link at the returning user’s phone or email check without finishing (exit status requires_credentials).',
    );
    expect(phone.endUserSaw?.text).toContain('the user left before choosing a bank');
    expect(of('identity-verification-passed').headline).toBe('The user completed Identity Verification.');
  });

  it('payment-initiation-us-only: the product no bank in the token’s countries offers', () => {
    expect(of('payment-initiation-us-only').explanation).toContain(
      'payment_initiation (offered only in the UK and Europe), and its countries are US',
    );
  });

  it('open-at-expiry and abandoned-without-exit: stopped without an exit', () => {
    expect(of('open-at-expiry').headline).toMatch(
      /^The user stopped at the bank’s security check \(MFA\) for Tartan Bank 26 min 33 s ago and never finished; the token has expired since\.$/,
    );
    expect(of('abandoned-without-exit').headline).toMatch(
      /^The user stopped at the bank’s sign-in form for First Platypus Bank/,
    );
  });

  it('several-sessions: linked, after the earlier failure', () => {
    expect(of('several-sessions').headline).toBe(
      'The user linked First Platypus Bank, after an earlier attempt failed at Tartan Bank with INVALID_CREDENTIALS.',
    );
  });

  it('error-without-exit: the last ERROR is the failure, counted, with its event’s request_id', () => {
    const diagnosis = of('error-without-exit');
    expect(diagnosis.headline).toBe(
      'Link failed at Tartan Bank with INVALID_CREDENTIALS (3 failed sign-ins); the user then left without exiting Link.',
    );
    expect(diagnosis.sessions[0]!.errorEventRequestId).toMatch(/\S/);
    expect(diagnosis.error?.request_id).toBe(diagnosis.sessions[0]!.errorEventRequestId);
    const scenario = SCENARIOS.find((each) => each.scenario === 'error-without-exit')!;
    const answer = scenario.answer({
      now: NOW,
      requestId: 'req-fixture',
      firstLookupAt: NOW,
      liveStepMs: 3000,
    });
    expect(supportSummary(LinkTokenGetResponseSchema.parse(answer.body), NOW.getTime())).toContain(
      `Error request ID: ${diagnosis.sessions[0]!.errorEventRequestId}`,
    );
  });

  it('invalid-link-token-open-too-long: names the likely cause from the session’s times', () => {
    expect(of('invalid-link-token-open-too-long').explanation).toMatch(
      /^Likely cause: the session had been open 34 min 2 s \(Link stops accepting a session after 30 minutes\)\./,
    );
  });
});
