import { describe, expect, it } from 'vitest';
import { institutionHealth } from '../domain/institution-health';
import { incident, makeInstitution, productStatus } from '../test/institutions';
import { bankHealthLine } from './bank-health-line';

const NOW = new Date('2026-11-25T12:00:00Z');
const SESSION = { start: new Date('2026-11-25T11:20:00Z'), end: new Date('2026-11-25T11:23:00Z') };
const BANK = 'Quokka Credit Union';

function line(
  status: Parameters<typeof makeInstitution>[0],
  environment: 'production' | 'sandbox' = 'production',
) {
  return bankHealthLine(BANK, institutionHealth(makeInstitution(status), environment), SESSION, NOW);
}

describe('bankHealthLine', () => {
  it('says the bank was in trouble then, how its logins do now, and the incident’s title', () => {
    expect(
      line({
        item_logins: productStatus(0.04, '2026-11-25T09:00:00Z'),
        health_incidents: [incident('Logins failing at Quokka', '2026-11-25T10:00:00Z', null)],
      }),
    ).toBe(
      'Quokka Credit Union: in trouble during the session, logins Down now (4% succeed); incident “Logins failing at Quokka”, still going on.',
    );
  });

  it('says a bank healthy since before the session was healthy then', () => {
    expect(line({ item_logins: productStatus(0.97, '2026-11-20T09:00:00Z') })).toBe(
      'Quokka Credit Union: healthy during the session, logins Healthy now (97% succeed).',
    );
  });

  it('does not guess the state during the session when the level changed since', () => {
    expect(line({ item_logins: productStatus(0.62, '2026-11-25T11:50:00Z') })).toBe(
      'Quokka Credit Union: its state during the session is not known, logins Degraded now (62% succeed).',
    );
  });

  it('names an incident that began after the session only as one still going on', () => {
    expect(
      line({
        item_logins: productStatus(0.5, '2026-11-25T11:50:00Z'),
        health_incidents: [
          incident('Maintenance', '2026-11-25T11:45:00Z', null),
          incident('Old outage', '2026-11-24T08:00:00Z', '2026-11-24T09:00:00Z'),
        ],
      }),
    ).toBe(
      'Quokka Credit Union: its state during the session is not known, logins Degraded now (50% succeed); incident “Maintenance”, still going on.',
    );
  });

  it('says when Plaid sees too little traffic, and nothing in Sandbox', () => {
    expect(line(null)).toBe('Quokka Credit Union: Plaid sees too few logins there to report its health.');
    expect(line({ item_logins: productStatus(0.97, '2026-11-20T09:00:00Z') }, 'sandbox')).toBeNull();
  });
});
