import { describe, expect, it } from 'vitest';
import { makeEvent } from '../test/fixtures';
import { sessionSteps, stoppedAt } from './session-steps';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');
const event = (event_name: string, seconds: number, event_metadata = {}) =>
  makeEvent({ event_name, timestamp: at(seconds), event_metadata });
const view = (view_name: string, seconds: number) => event('TRANSITION_VIEW', seconds, { view_name });

const failedAtCredentials = [
  event('OPEN', 0),
  view('CONSENT', 1),
  view('SELECT_INSTITUTION', 6),
  event('SEARCH_INSTITUTION', 9, { institution_search_query: 'tartan' }),
  event('SELECT_INSTITUTION', 12, { institution_name: 'Tartan Bank', institution_id: 'ins_109511' }),
  view('CREDENTIAL', 13),
  event('SUBMIT_CREDENTIALS', 30),
  view('LOADING', 31),
  event('ERROR', 35, { error_code: 'INVALID_CREDENTIALS' }),
  view('ERROR', 36),
  event('EXIT', 44, { exit_status: 'requires_credentials' }),
];

describe('sessionSteps', () => {
  it('reads the Link stages from the events, with the time spent at each and where an error came', () => {
    const steps = sessionSteps(failedAtCredentials, { finishedAt: at(45), inProgress: false }, T0 + 60_000);
    expect(
      steps.map((step) => [step.kind, step.durationMs, step.detail, step.errorCode, step.eventCount]),
    ).toEqual([
      ['opened', 6000, null, null, 2],
      ['searched', 6000, 'searched for “tartan”', null, 2],
      ['bank chosen', 1000, 'Tartan Bank (ins_109511)', null, 1],
      ['credentials', 31000, null, 'INVALID_CREDENTIALS', 5],
      ['exit', null, 'requires_credentials', null, 1],
    ]);
    expect(steps[3]).toMatchObject({ label: 'Bank credentials', startedAt: at(13), ongoing: false });
    expect(stoppedAt(steps)?.kind).toBe('credentials');
  });

  it('counts the last screen of a session in progress up to now, marked ongoing', () => {
    const events = [
      event('OPEN', 0),
      view('CREDENTIAL', 10),
      view('MFA', 40),
      event('SUBMIT_MFA', 50, { mfa_type: 'code' }),
    ];
    const steps = sessionSteps(events, { finishedAt: null, inProgress: true }, T0 + 100_000);
    expect(steps.at(-1)).toMatchObject({
      kind: 'mfa',
      ongoing: true,
      durationMs: 60_000,
      detail: 'code MFA',
    });
    expect(stoppedAt(steps)?.kind).toBe('mfa');
  });

  it('leaves the last screen’s time unknown for a session that stopped without finishing', () => {
    const steps = sessionSteps(
      [event('OPEN', 0), view('CREDENTIAL', 10)],
      { finishedAt: null, inProgress: false },
      T0 + 1e7,
    );
    expect(steps.at(-1)).toMatchObject({ kind: 'credentials', ongoing: false, durationMs: null });
  });

  it('reads OAuth, account selection, manual entry, documents and the hand-off', () => {
    const events = [
      event('OPEN', 0),
      event('SELECT_INSTITUTION', 5, { institution_name: 'Chase' }),
      view('OAUTH', 6),
      event('OPEN_OAUTH', 7),
      event('CLOSE_OAUTH', 20),
      view('SELECT_ACCOUNT', 40),
      event('SELECT_AUTH_TYPE', 41, { selection: 'flow_type_manual' }),
      event('SUBMIT_ROUTING_NUMBER', 45),
      view('UPLOAD_DOCUMENTS', 60),
      event('HANDOFF', 70),
    ];
    const steps = sessionSteps(events, { finishedAt: at(71), inProgress: false }, T0);
    expect(steps.map((step) => step.kind)).toEqual([
      'opened',
      'bank chosen',
      'oauth',
      'account selection',
      'account numbers',
      'documents',
      'hand-off',
    ]);
    expect(steps[2]!.detail).toBe('closed the bank’s page without finishing');
    expect(steps.at(-1)!.durationMs).toBeNull();
    expect(stoppedAt(steps)?.kind).toBe('hand-off');
  });

  it('notes a bank Link reported down, degraded or not supported for the token', () => {
    const chose = (name: string) =>
      sessionSteps(
        [event('OPEN', 0), event(name, 5, { institution_name: 'Unhealthy Platypus Bank' })],
        { finishedAt: null, inProgress: false },
        T0,
      )[1]!.detail;
    expect(chose('SELECT_DOWN_INSTITUTION')).toBe('Unhealthy Platypus Bank: Link reported it down');
    expect(chose('SELECT_DEGRADED_INSTITUTION')).toBe(
      'Unhealthy Platypus Bank: Link warned that its connection is degraded',
    );
    expect(chose('SELECT_FILTERED_INSTITUTION')).toBe(
      'Unhealthy Platypus Bank: not supported for this token’s products or countries',
    );
  });

  it('reads returning users’ phone checks, consent, micro-deposits, Identity Verification and Layer', () => {
    const kinds = (events: ReturnType<typeof event>[]) =>
      sessionSteps(events, { finishedAt: null, inProgress: false }, T0).map((step) => [
        step.kind,
        step.detail,
      ]);
    expect(
      kinds([
        event('OPEN', 0),
        view('SUBMIT_PHONE', 2),
        event('SUBMIT_PHONE', 5),
        view('VERIFY_PHONE', 6),
        event('SUBMIT_OTP', 20),
        event('CONNECT_NEW_INSTITUTION', 25),
        event('SELECT_INSTITUTION', 30, { institution_name: 'Tartan Bank' }),
        view('NUMBERS', 35),
        view('SAME_DAY_MICRODEPOSIT_AUTHORIZED', 50),
        view('DATA_TRANSPARENCY_CONSENT', 55),
        event('VIEW_DATA_TYPES', 56),
        event('HANDOFF', 60),
      ]),
    ).toEqual([
      ['opened', null],
      ['returning user', 'entered the one-time code'],
      ['searched', 'chose to link a new bank rather than a saved one'],
      ['bank chosen', 'Tartan Bank'],
      ['account numbers', 'same-day micro-deposits authorized'],
      ['consent', null],
      ['hand-off', null],
    ]);
    expect(
      kinds([
        event('OPEN', 0),
        event('SKIP_SUBMIT_PHONE', 1),
        event('LAYER_NOT_AVAILABLE', 2),
        event('IDENTITY_VERIFICATION_START_STEP', 3),
        view('SELFIE_CHECK', 4),
        event('IDENTITY_VERIFICATION_PENDING_REVIEW_SESSION', 9),
      ]),
    ).toEqual([
      ['opened', null],
      ['returning user', 'skipped the phone number'],
      ['layer', 'Layer is not available for this user (the app falls back to its own onboarding)'],
      ['identity verification', 'waits for a manual review'],
    ]);
  });

  it('keeps unknown events and views in the step the user is in, and tolerates missing times', () => {
    const events = [event('OPEN', 0), event('OPEN_HOLOGRAM_CONSENT', 2), view('HOLOGRAM_CONSENT', 3)];
    const steps = sessionSteps(events, { finishedAt: 'not a time', inProgress: false }, T0);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: 'opened', eventCount: 3, durationMs: null });
    expect(sessionSteps([], { finishedAt: null, inProgress: true }, T0)).toEqual([]);
    expect(stoppedAt([])).toBeNull();
  });
});
