import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ACTOR_LABELS, diagnose, VERDICT_LABELS } from '../../../../shared/diagnosis';
import { LinkTokenGetResponseSchema } from '../../../../shared/schemas/link-token-get-response';
import { SCENARIOS } from '../../../../simulator';
import { makeResult } from '../../../test/lookup-results';
import { StatusPanel } from './StatusPanel';

// Every simulator fixture's answer, drawn by the real answer UI: the verdict word, who acts next,
// the institution and error code the verdict is about, the findings, and what each fixture is
// there to show. (The browser walks the same fixtures for what only a real layout shows:
// e2e/every-fixture.spec.ts. Fault fixtures spoil the lookup itself; their error panels are
// proven there, in ErrorPanel.test.tsx and in src/server/through-simulator.test.ts.)

// What each fixture must show beyond its verdict, anywhere in the answer. A fixture added to the
// simulator without an entry here fails "covers every fixture", so this list stays complete.
const SHOWS: Record<string, RegExp[]> = {
  fresh: [/^No Link sessions: Link was never opened/],
  'in-progress': [/running for/],
  success: [/^Items added \(1\)$/, /^onSuccess$/, /Plaid’s default for linking a new Item/],
  'several-sessions': [/^Failed$/],
  'exit-item-login-required': [/^ITEM_LOGIN_REQUIRED$/, /Plaid’s default for update mode/],
  'exit-institution-down': [/^INSTITUTION_DOWN$/, /^The bank is down or in maintenance/],
  oauth: [/Went to the bank’s OAuth page/],
  income: [/^Bank income$/, /^Payroll income$/, /^Document income$/],
  cra: [/^Consumer Report Items added \(1\)$/, /^Consumer Report Items updated \(1\)$/],
  expired: [/expired 2 h/],
  large: [/^Show 20 more sessions/],
  'forward-compatible': [/^Other fields$/, /^Unknown expiry$/],
  live: [/^Opened Link$/],
  production: [/^production$/],
  'unused-expired': [/^No Link sessions: Link was never opened/],
  'no-session-data': [/^No Link sessions: Link was never opened/],
  'abandoned-at-search': [/Searched for “quokka bank”/],
  'abandoned-without-exit': [/^Moved to view CREDENTIAL$/],
  'open-at-expiry': [/^Moved to view MFA$/, /Plaid’s default for update mode/],
  'down-bank-chosen': [/^Selected an institution that is down$/],
  'filtered-institution': [/^Selected an institution filtered out by the token’s configuration$/],
  'institution-not-found-auth': [/Searched for “quokka credit union”/],
  'redirect-uri-missing': [/^Went to the bank’s OAuth page$/],
  'exit-oauth-state-not-found': [/^OAUTH_STATE_ID_NOT_FOUND$/],
  'webhook-unreachable': [/^https:\/\/plaid-hooks\.acme\.internal\/webhook$/],
  'webhook-plain-http': [/^http:\/\/api\.acme\.example\/plaid\/webhook$/],
  'webhook-missing': [/^not set$/],
  'redirect-uri-invalid': [/^production$/, /^http:\/\/app\.acme\.example\/plaid\/oauth\?from=link$/],
  // The bank's health itself is asked of the server once drawn (InstitutionHealth.test.tsx).
  'bank-down': [/^INSTITUTION_DOWN$/],
  'bank-degraded': [/^INSTITUTION_NOT_RESPONDING$/],
  'bank-healthy': [/^INVALID_CREDENTIALS$/],
  'bank-no-status': [/^INSTITUTION_NOT_RESPONDING$/],
  'bank-unlisted': [/^INSTITUTION_NO_LONGER_SUPPORTED$/],
  'session-without-events': [/^No events recorded for this session\.$/],
  'error-without-exit': [/\(3 failed sign-ins\); the user then left without exiting Link\.$/],
  'linked-pending-micro-deposits': [/, but it waits for the user to confirm the micro-deposit amounts\.$/],
  'linked-no-income-found': [/, but Plaid found no income deposits in the linked account\.$/],
  'invalid-link-token-open-too-long': [/^Likely cause: the session had been open 34 min/],
  'no-return-from-oauth': [/^The user stopped at the bank’s own sign-in \(OAuth\) for Platypus OAuth Bank/],
  'restarted-after-oauth': [
    /on a second try \(the return from the bank’s own sign-in started Link afresh\)\.$/,
    /^An OAuth retry: /,
  ],
  'invalid-continuation-after-oauth': [/^INVALID_FIELD$/],
  'multi-item-no-webhook': [
    /^The user linked First Platypus Bank and Houndstooth Bank \(2 Items in one session\); an attempt in the same session failed at Tartan Bank with INVALID_CREDENTIALS\.$/,
  ],
  'returning-user-left-at-phone': [/at the returning user’s phone or email check without finishing/],
  'identity-verification-passed': [/^The user completed Identity Verification\.$/],
  'payment-initiation-us-only': [/no bank in the token’s countries offers payment_initiation/],
  'products-narrow-banks': [/^3 required products: Link offers only banks that support them all$/],
  // Answers like a fresh token, late.
  'fault-latency': [/^No Link sessions: Link was never opened/],
};

// The fixtures whose answer reaches the page: every one but the faults that spoil the lookup.
const ANSWERED = SCENARIOS.filter((scenario) => scenario.scenario in SHOWS);

function answerOf(scenario: (typeof SCENARIOS)[number], now: Date) {
  const answer = scenario.answer({ now, requestId: 'req-fixture', firstLookupAt: now, liveStepMs: 3000 });
  return LinkTokenGetResponseSchema.parse(answer.body);
}

function renderAnswer(scenario: (typeof SCENARIOS)[number]) {
  const now = new Date();
  const data = answerOf(scenario, now);
  render(<StatusPanel result={makeResult(data)} answeredAt={now.getTime()} />);
  return { data, diagnosis: diagnose(data, now.getTime()) };
}

describe('every simulator fixture through the answer UI', () => {
  it('covers every fixture whose answer reaches the page (the rest are faults)', () => {
    const missing = SCENARIOS.filter((scenario) => !(scenario.scenario in SHOWS)).map((s) => s.scenario);
    expect(missing.every((name) => name.startsWith('fault-'))).toBe(true);
    expect(Object.keys(SHOWS).filter((name) => !SCENARIOS.some((s) => s.scenario === name))).toEqual([]);
  });

  it.each(ANSWERED.map((scenario) => [scenario.scenario, scenario] as const))(
    '%s: the verdict, who acts next, the findings and what the fixture shows',
    (name, scenario) => {
      const { data, diagnosis } = renderAnswer(scenario);
      const panel = screen.getByRole('region', { name: 'Link token details' });
      const verdict = within(panel).getByRole('region', { name: 'Verdict' });

      expect(within(verdict).getByText(VERDICT_LABELS[scenario.diagnosis.verdict])).toBeVisible();
      const actor = within(verdict).getByText('Who acts next', { selector: 'dt' }).nextElementSibling;
      expect(actor).toHaveTextContent(ACTOR_LABELS[scenario.diagnosis.actor]);
      expect(within(verdict).getByText('Next step', { selector: 'dt' })).toBeVisible();
      // The bank and the code the verdict is about, in the verdict itself.
      const session = diagnosis.sessions.find((each) => each.linkSessionId === diagnosis.linkSessionId);
      for (const fact of [session?.institutionName, diagnosis.error?.error_code]) {
        if (fact) expect(verdict, `${name}: ${fact}`).toHaveTextContent(fact);
      }

      expect(
        within(panel).getByRole('heading', { name: `Findings (${scenario.diagnosis.findings.length})` }),
      ).toBeVisible();
      const sessionCount = data.link_sessions?.length ?? 0;
      if (sessionCount > 0) {
        expect(within(panel).getByRole('heading', { name: `Link sessions (${sessionCount})` })).toBeVisible();
      }
      for (const text of SHOWS[name]!) {
        expect(within(panel).getAllByText(text)[0], `${name}: ${text}`).toBeVisible();
      }
      // What Plaid support asks for is always there.
      expect(within(panel).getByRole('button', { name: 'Copy request ID' })).toBeVisible();
      expect(panel).toHaveTextContent(data.request_id);
    },
  );

  it('links an exit error to Plaid’s documentation for its code, from the verdict and the session', () => {
    renderAnswer(SCENARIOS.find((scenario) => scenario.scenario === 'exit-item-login-required')!);
    const links = screen.getAllByRole('link', { name: /Plaid’s docs for ITEM_LOGIN_REQUIRED/ });
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link).toHaveAttribute('href', 'https://plaid.com/docs/errors/item/#item_login_required');
    }
  });
});
