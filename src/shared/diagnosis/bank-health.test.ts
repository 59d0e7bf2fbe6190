import { describe, expect, it } from 'vitest';
import { institutionHealth } from '../domain/institution-health';
import { invalidCredentials, makeEvent, makeSession } from '../test/fixtures';
import { incident, makeInstitution, productStatus } from '../test/institutions';
import {
  bankHealthDuringSession,
  bankToCheck,
  describeRatesTiming,
  incidentsDuring,
  ratesTiming,
  sessionWindow,
} from './bank-health';

const NOW = new Date('2026-11-25T12:00:00Z');
const at = (time: string) => new Date(`2026-11-25T${time}Z`);

describe('bankToCheck', () => {
  const bank = { name: 'Quokka Credit Union', institution_id: 'ins_135101' };
  const chose = (eventName: string) =>
    makeEvent({
      event_name: eventName,
      timestamp: '2026-11-25T10:00:05Z',
      event_metadata: { institution_id: bank.institution_id, institution_name: bank.name },
    });

  it('names the bank of a session whose exit carries an error', () => {
    const session = makeSession({ exit: { error: invalidCredentials, metadata: { institution: bank } } });
    expect(bankToCheck(session, [])).toBe('ins_135101');
  });

  it('names the bank Link flagged as degraded or down, even without an exit error', () => {
    for (const name of ['SELECT_DEGRADED_INSTITUTION', 'SELECT_DOWN_INSTITUTION']) {
      expect(bankToCheck(makeSession({ exit: null }), [chose(name)])).toBe('ins_135101');
    }
  });

  it('names nothing for a session that did not fail, or failed before reaching a bank', () => {
    expect(bankToCheck(makeSession({ exit: null }), [chose('SELECT_INSTITUTION')])).toBeNull();
    expect(bankToCheck(makeSession({ exit: { error: invalidCredentials, metadata: null } }), [])).toBeNull();
  });
});

describe('sessionWindow', () => {
  it('runs from started_at to finished_at, open-ended while the session is still open', () => {
    expect(sessionWindow(makeSession())).toEqual({ start: at('10:00:00'), end: at('10:03:30') });
    expect(sessionWindow(makeSession({ finished_at: null }))).toEqual({ start: at('10:00:00'), end: null });
  });

  it("falls back on the events' times when the session's own are missing", () => {
    const events = [
      makeEvent({ event_name: 'EXIT', timestamp: '2026-11-25T10:05:00Z' }),
      makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:01:00Z' }),
    ];
    const session = makeSession({ started_at: undefined, finished_at: undefined, events });
    expect(sessionWindow(session)).toEqual({ start: at('10:01:00'), end: at('10:05:00') });
    expect(sessionWindow(makeSession({ started_at: undefined, events: [] }))).toBeNull();
  });
});

describe('incidentsDuring', () => {
  const session = { start: at('10:00:00'), end: at('10:10:00') };
  const summary = (start: string, end: string | null) => ({
    title: `${start}–${end}`,
    start: at(start),
    end: end ? at(end) : null,
    latestUpdate: null,
  });

  it('keeps the incidents going on at some moment of the session', () => {
    const overlapping = [
      summary('09:00:00', null),
      summary('09:00:00', '10:00:00'),
      summary('10:05:00', '10:06:00'),
      summary('10:10:00', '11:00:00'),
    ];
    const apart = [summary('08:00:00', '09:59:59'), summary('10:10:01', null)];
    expect(incidentsDuring([...overlapping, ...apart], session, NOW)).toEqual(overlapping);
  });

  it('an open session lasts until now', () => {
    expect(
      incidentsDuring([summary('11:30:00', null)], { start: at('10:00:00'), end: null }, NOW),
    ).toHaveLength(1);
  });
});

describe('ratesTiming', () => {
  it('current while the session is open or ended within five minutes', () => {
    expect(ratesTiming({ start: at('11:50:00'), end: null }, NOW)).toEqual({ kind: 'current' });
    expect(ratesTiming({ start: at('11:50:00'), end: at('11:55:00') }, NOW)).toEqual({ kind: 'current' });
    expect(describeRatesTiming({ kind: 'current' })).toBeNull();
  });

  it('may not cover a session that ended within six hours, and says so', () => {
    const timing = ratesTiming({ start: at('09:50:00'), end: at('10:00:00') }, NOW);
    expect(timing).toEqual({ kind: 'may-not-cover', endedMsAgo: 2 * 3_600_000 });
    expect(describeRatesTiming(timing)).toBe(
      "These rates are Plaid's latest, measured over the last few minutes to six hours; the session ended 2 h ago and may fall outside them.",
    );
  });

  it('describes the bank now, not then, for a session that ended more than six hours ago', () => {
    const timing = ratesTiming({ start: at('04:00:00'), end: at('05:00:00') }, NOW);
    expect(timing.kind).toBe('after-session');
    expect(describeRatesTiming(timing)).toMatch(/^The session ended 7 h ago, more than the six hours/);
  });
});

describe('bankHealthDuringSession', () => {
  const session = { start: at('11:00:00'), end: at('11:02:00') };
  const health = (status: Parameters<typeof makeInstitution>[0]) =>
    institutionHealth(makeInstitution(status), 'production');

  it('passes the named states through', () => {
    expect(bankHealthDuringSession({ kind: 'sandbox' }, session, NOW)).toEqual({ kind: 'sandbox' });
    expect(bankHealthDuringSession(health(null), session, NOW)).toEqual({ kind: 'not-enough-traffic' });
  });

  it('no trouble: logins healthy since before the session, no incident then', () => {
    const result = bankHealthDuringSession(
      health({
        item_logins: productStatus(0.97, '2026-11-22T00:00:00Z'),
        health_incidents: [incident('Yesterday', '2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z')],
      }),
      session,
      NOW,
    );
    expect(result).toMatchObject({ trouble: 'no', levelThen: 'held', overlappingIncidents: [] });
  });

  it('trouble: logins degraded since before the session', () => {
    const result = bankHealthDuringSession(
      health({ item_logins: productStatus(0.6, '2026-11-25T09:00:00Z') }),
      session,
      NOW,
    );
    expect(result).toMatchObject({
      trouble: 'yes',
      levelThen: 'held',
      itemLogins: { level: 'degraded' },
      ratesTiming: { kind: 'may-not-cover' },
    });
  });

  it('trouble: an incident overlaps the session, even though the level changed only after it', () => {
    const result = bankHealthDuringSession(
      health({
        item_logins: productStatus(0.03, '2026-11-25T11:30:00Z'),
        health_incidents: [incident('Logins failing', '2026-11-25T10:45:00Z', null)],
      }),
      session,
      NOW,
    );
    expect(result).toMatchObject({
      trouble: 'yes',
      levelThen: 'changed-since',
      itemLogins: { level: 'down' },
      overlappingIncidents: [{ title: 'Logins failing' }],
    });
  });

  it('unknown: the level changed after the session started and no incident says more', () => {
    const changed = bankHealthDuringSession(
      health({ item_logins: productStatus(0.99, '2026-11-25T11:01:00Z') }),
      session,
      NOW,
    );
    expect(changed).toMatchObject({ trouble: 'unknown', levelThen: 'changed-since' });
    const unmeasured = bankHealthDuringSession(health({ item_logins: null }), session, NOW);
    expect(unmeasured).toMatchObject({ trouble: 'unknown', levelThen: 'unknown' });
  });
});
