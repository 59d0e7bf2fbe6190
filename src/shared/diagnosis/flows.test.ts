import { describe, expect, it } from 'vitest';
import { emptyResults, makeEvent, makeResponse, makeSession } from '../test/fixtures';
import { diagnose } from './diagnose';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');
const event = (event_name: string, seconds: number) => makeEvent({ event_name, timestamp: at(seconds) });

const verification = (outcome: string | null) =>
  diagnose(
    makeResponse({
      link_sessions: [
        makeSession({
          started_at: at(0),
          finished_at: at(100),
          results: emptyResults,
          events: [
            event('OPEN', 0),
            event('IDENTITY_VERIFICATION_START_STEP', 2),
            ...(outcome ? [event(outcome, 90)] : []),
          ],
        }),
      ],
    }),
    T0 + 3600_000,
  );

describe('Identity Verification sessions, which add no Item', () => {
  it('are done, not abandoned, once the verification passed', () => {
    const diagnosis = verification('IDENTITY_VERIFICATION_PASS_SESSION');
    expect(diagnosis).toMatchObject({
      verdict: 'linked',
      actor: 'nobody',
      headline: 'The user completed Identity Verification.',
    });
    expect(diagnosis.nextStep).toMatch(/adds no Item.*\/identity_verification\/get/);
  });

  it('that did not pass, or wait for review, leave the integrating team to act', () => {
    expect(verification('IDENTITY_VERIFICATION_FAIL_SESSION')).toMatchObject({
      headline: 'The user completed Identity Verification, but the verification did not pass.',
      actor: 'integrating team',
    });
    expect(verification('IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION').headline).toBe(
      'The user completed Identity Verification, but the verification waits for a manual review.',
    );
  });

  it('without an outcome are read as before', () => {
    expect(verification(null).verdict).toBe('abandoned');
  });
});
