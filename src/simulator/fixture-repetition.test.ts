import { describe, expect, it } from 'vitest';
import { diagnose, supportSummary, type Diagnosis } from '../shared/diagnosis';
import {
  LinkTokenGetResponseSchema,
  type LinkTokenGetResponse,
} from '../shared/schemas/link-token-get-response';
import { SCENARIOS } from './scenarios';

// Every fixture's verdict and ticket, read for repetition: a row that says again what the row
// beside it said ("What the end user saw" and "Why" in one sentence twice, the headline's earlier
// failure named again in a note, the lock-out warning in both "Why" and the next step) teaches the
// reader to skip rows. Fault tokens are judged on the answer they spoil (a fresh token's).

const NOW = new Date('2026-03-02T15:00:00Z');

function answerOf(scenario: (typeof SCENARIOS)[number]): LinkTokenGetResponse {
  const answer = scenario.answer({
    now: NOW,
    requestId: 'req-fixture',
    firstLookupAt: NOW,
    liveStepMs: 3000,
  });
  return LinkTokenGetResponseSchema.parse(answer.body);
}

// Six words in a row, said in two rows, is a sentence said twice rather than a shared name ("the
// bank’s own sign-in" is five; asides in brackets, "(OAuth)", are left out).
const RUN = 6;

function runsOfWords(text: string | null | undefined): Set<string> {
  const words = (text ?? '')
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}_’']+/u)
    .filter(Boolean);
  const runs = new Set<string>();
  for (let start = 0; start + RUN <= words.length; start++)
    runs.add(words.slice(start, start + RUN).join(' '));
  return runs;
}

function sharedRuns(one: string | null | undefined, other: string | null | undefined): string[] {
  const first = runsOfWords(one);
  return [...runsOfWords(other)].filter((run) => first.has(run));
}

// The rows a reader reads one after the other, in pairs that must not repeat each other.
function neighbours(diagnosis: Diagnosis): [string, string | null | undefined, string | null | undefined][] {
  return [
    ['what the end user saw / why', diagnosis.endUserSaw?.text, diagnosis.explanation],
    ['why / next step', diagnosis.explanation, diagnosis.nextStep],
    ...diagnosis.notes.map(
      (note) => ['headline / note', diagnosis.headline, note] as [string, string, string],
    ),
  ];
}

const fixtures = SCENARIOS.map((scenario) => [scenario.scenario, scenario] as const);

describe('no fixture’s verdict says the same thing twice', () => {
  it.each(fixtures)('%s', (_name, scenario) => {
    const diagnosis = diagnose(answerOf(scenario), NOW.getTime(), 'absolute');
    const repeated = neighbours(diagnosis)
      .map(([pair, one, other]) => [pair, sharedRuns(one, other)] as const)
      .filter(([, runs]) => runs.length > 0);
    expect(repeated).toEqual([]);
  });

  it.each(fixtures)('%s: its ticket names update mode at most once in our words', (_name, scenario) => {
    const answer = answerOf(scenario);
    const diagnosis = diagnose(answer, NOW.getTime());
    const ticket = supportSummary(answer, NOW.getTime());
    // Plaid's own error message may say it too; that one is Plaid's.
    const plaids = (diagnosis.error?.error_message.match(/update mode/g) ?? []).length;
    expect((ticket.match(/update mode/g) ?? []).length - plaids).toBeLessThanOrEqual(1);
  });
});

describe('an abandoned session’s “Why” adds to its exit status instead of restating it', () => {
  const of = (name: string) =>
    diagnose(answerOf(SCENARIOS.find((scenario) => scenario.scenario === name)!), NOW.getTime());

  it('no bank found: the exit status says the search found none; Why says what that can mean', () => {
    const diagnosis = of('expired');
    expect(diagnosis.endUserSaw?.text).toContain('the user left after searching for a bank and finding none');
    expect(diagnosis.explanation).toBe('Plaid may not support the bank, or lists it under another name.');
    expect(of('institution-not-found-auth').explanation).toBe(
      'Since the token asks for auth, manual entry with micro-deposits can still link the account.',
    );
  });

  it('OAuth without a redirect_uri: Why says why the user could not come back', () => {
    const diagnosis = of('redirect-uri-missing');
    expect(diagnosis.endUserSaw?.text).toContain('the user left when sent to the bank’s own sign-in (OAuth)');
    expect(diagnosis.explanation).toBe(
      'Without a redirect_uri, only desktop web (a pop-up) can return from the bank’s own sign-in.',
    );
  });

  it('a bank the token rules out: Why names the token’s products and countries, not Link’s words again', () => {
    expect(of('filtered-institution').explanation).toBe(
      'The bank does not support one of the token’s products (transactions) or countries (US), or Plaid no longer supports it.',
    );
  });

  it('several failures the same way: the note does not name the code and bank the headline names', () => {
    expect(of('large').notes[0]).toBe('99 earlier attempts failed too (the latest the same way).');
  });
});
