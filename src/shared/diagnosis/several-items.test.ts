import { describe, expect, it } from 'vitest';
import type { LinkSession } from '../schemas/link-token-get-response';
import { emptyResults, makeEvent, makeResponse, makeSession } from '../test/fixtures';
import { diagnose } from './diagnose';
import { findings } from './findings';
import { failedAttempts, linkedInstitutions } from './several-items';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const NOW = T0 + 3600_000;
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');
const error = (seconds: number, institution_name: string, error_code = 'INVALID_CREDENTIALS') =>
  makeEvent({
    event_name: 'ERROR',
    timestamp: at(seconds),
    event_metadata: { institution_name, error_code },
  });
const item = (name: string) => ({
  public_token: `public-sandbox-${name}`,
  accounts: [],
  institution: { name },
});

const multiItem = (banks: string[]): LinkSession =>
  makeSession({
    events: [
      makeEvent({ event_name: 'OPEN', timestamp: at(0) }),
      error(30, 'Tartan Bank'),
      error(50, 'Houndstooth Bank'),
      error(70, 'Tartan Bank', 'INVALID_MFA'),
      makeEvent({ event_name: 'HANDOFF', timestamp: at(200) }),
    ],
    results: { ...emptyResults, item_add_results: banks.map(item) },
  });

describe('several Items in one session', () => {
  it('lists every bank linked, and the banks tried in between with their last error', () => {
    const session = multiItem(['First Platypus Bank', 'Houndstooth Bank']);
    expect(linkedInstitutions(session)).toEqual(['First Platypus Bank', 'Houndstooth Bank']);
    // Houndstooth failed once, then linked: not a failed attempt.
    expect(failedAttempts(session.events!, linkedInstitutions(session))).toEqual([
      { institution: 'Tartan Bank', errorCode: 'INVALID_MFA' },
    ]);
  });

  it('names them all in the headline, and the next step counts the public tokens', () => {
    const diagnosis = diagnose(
      makeResponse({ link_sessions: [multiItem(['First Platypus Bank', 'Houndstooth Bank', 'Chase'])] }),
      NOW,
    );
    expect(diagnosis.headline).toBe(
      'The user linked First Platypus Bank, Houndstooth Bank and Chase (3 Items in one session); an attempt in the same session failed at Tartan Bank with INVALID_MFA.',
    );
    expect(diagnosis.nextStep).toMatch(/Each of the 3 Items has its own public_token/);
  });

  it('keeps the one-bank headline as it was', () => {
    const oneItem = makeSession({ results: { ...emptyResults, item_add_results: [item('Chase')] } });
    const diagnosis = diagnose(makeResponse({ link_sessions: [oneItem] }), NOW);
    expect(diagnosis.headline).toBe('The user linked Chase.');
  });
});

describe('Multi-Item or Hosted Link without a webhook', () => {
  const ids = (response: ReturnType<typeof makeResponse>) =>
    findings(response, NOW).map((finding) => finding.id);
  const noWebhook = { ...makeResponse().metadata, webhook: null };

  it('is a finding when a session added several Items, or the lifetime is one only Hosted Link gives', () => {
    expect(
      ids(makeResponse({ metadata: noWebhook, link_sessions: [multiItem(['A Bank', 'B Bank'])] })),
    ).toContain('public-tokens-without-webhook');
    expect(
      ids(
        makeResponse({ metadata: noWebhook, created_at: at(0), expiration: at(2 * 3600), link_sessions: [] }),
      ),
    ).toContain('public-tokens-without-webhook');
  });

  it('is none with a webhook, or for one Item on a 4-hour token', () => {
    expect(ids(makeResponse({ link_sessions: [multiItem(['A Bank', 'B Bank'])] }))).not.toContain(
      'public-tokens-without-webhook',
    );
    expect(ids(makeResponse({ metadata: noWebhook, link_sessions: [multiItem(['A Bank'])] }))).not.toContain(
      'public-tokens-without-webhook',
    );
  });
});
