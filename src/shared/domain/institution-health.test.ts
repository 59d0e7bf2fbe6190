import { describe, expect, it } from 'vitest';
import { InstitutionsGetByIdResponseSchema } from '../schemas/institutions-get-by-id-response';
import { specInstitutionExample } from '../spec/vendored-spec';
import { incident, makeInstitution, productStatus } from '../test/institutions';
import {
  describeRates,
  formatRate,
  healthLevel,
  incidentStatusLabel,
  institutionHealth,
  productLabel,
  type InstitutionHealth,
} from './institution-health';

const at = (time: string) => new Date(`2026-11-25T${time}Z`);

function reported(health: InstitutionHealth) {
  if (health.kind !== 'reported') throw new Error(`expected reported health, got ${health.kind}`);
  return health;
}

describe('healthLevel', () => {
  it('reads the success rate: healthy from 90%, down below 10%, degraded between', () => {
    expect(healthLevel(1)).toBe('healthy');
    expect(healthLevel(0.9)).toBe('healthy');
    expect(healthLevel(0.89)).toBe('degraded');
    expect(healthLevel(0.1)).toBe('degraded');
    expect(healthLevel(0.09)).toBe('down');
    expect(healthLevel(0)).toBe('down');
  });
});

describe('rates in words', () => {
  it('rounds to whole percents without turning a small rate into 0% or a large one into 100%', () => {
    expect(formatRate(0.623)).toBe('62%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0.004)).toBe('<1%');
    expect(formatRate(0.996)).toBe('>99%');
  });

  it('says who the failures are on', () => {
    expect(describeRates({ success: 0.62, errorInstitution: 0.35, errorPlaid: 0.03 })).toBe(
      '62% succeed; 35% fail at the bank, 3% at Plaid',
    );
  });
});

describe('institutionHealth', () => {
  it('Sandbox: no health, whatever the answer holds', () => {
    const institution = makeInstitution({ item_logins: productStatus(0.2, '2026-11-25T11:00:00Z') });
    expect(institutionHealth(institution, 'sandbox')).toEqual({ kind: 'sandbox' });
  });

  it('status null (or no status at all) in Production: not enough traffic to report', () => {
    expect(institutionHealth(makeInstitution(null), 'production')).toEqual({ kind: 'not-enough-traffic' });
    expect(institutionHealth(makeInstitution(), 'production')).toEqual({ kind: 'not-enough-traffic' });
  });

  it('reads item_logins from its breakdown, not from the deprecated status word', () => {
    const itemLogins = {
      ...productStatus(0.42, '2026-11-25T10:15:00Z', { plaid: 0.08, institution: 0.5 }),
      status: 'HEALTHY',
    };
    const health = reported(institutionHealth(makeInstitution({ item_logins: itemLogins }), 'production'));
    expect(health.itemLogins).toEqual({
      product: 'item_logins',
      label: 'Item logins',
      kind: 'reported',
      level: 'degraded',
      rates: { success: 0.42, errorInstitution: 0.5, errorPlaid: 0.08 },
      since: at('10:15:00'),
      refreshInterval: null,
    });
  });

  it('item_logins null: not enough traffic for logins, while other products may be reported', () => {
    const health = reported(
      institutionHealth(
        makeInstitution({ item_logins: null, auth: productStatus(0.95, '2026-11-20T00:00:00Z') }),
        'production',
      ),
    );
    expect(health.itemLogins).toEqual({
      product: 'item_logins',
      label: 'Item logins',
      kind: 'not-enough-traffic',
    });
    expect(health.products.map((p) => [p.product, p.kind])).toEqual([['auth', 'reported']]);
  });

  it("lists the other products in the spec's order, then products Plaid adds later, with their refresh interval", () => {
    const updates = productStatus(0.97, '2026-11-24T08:00:00Z');
    const health = reported(
      institutionHealth(
        makeInstitution({
          investments: productStatus(0.9, '2026-11-24T08:00:00Z'),
          balance_checks: productStatus(0.5, '2026-11-24T08:00:00Z'),
          identity: null,
          transactions_updates: {
            ...updates,
            breakdown: { ...updates.breakdown, refresh_interval: 'DELAYED' },
          },
          item_logins: productStatus(0.99, '2026-11-24T08:00:00Z'),
          a_new_summary_field: 'not a product',
          health_incidents: [],
        }),
        'production',
      ),
    );
    expect(health.products.map((p) => [p.label, p.kind === 'reported' ? p.level : p.kind])).toEqual([
      ['Transactions updates', 'healthy'],
      ['Identity', 'not-enough-traffic'],
      ['Investments', 'healthy'],
      ['Balance checks', 'degraded'],
    ]);
    expect(health.products[0]).toMatchObject({ refreshInterval: 'DELAYED' });
  });

  it("reads Plaid's example answer", () => {
    const answer = InstitutionsGetByIdResponseSchema.parse(specInstitutionExample);
    const health = reported(institutionHealth(answer.institution, 'production'));
    expect(health.itemLogins).toMatchObject({ kind: 'reported', level: 'healthy' });
    expect(health.products.find((p) => p.product === 'identity')).toMatchObject({ level: 'degraded' });
    expect(health.incidents).toEqual([]);
  });

  it('sums up incidents newest first, each with its latest update', () => {
    const health = reported(
      institutionHealth(
        makeInstitution({
          item_logins: productStatus(0.2, '2026-11-25T11:00:00Z'),
          health_incidents: [
            incident('Old outage', '2026-11-20T08:00:00Z', '2026-11-20T09:00:00Z'),
            incident('Logins failing', '2026-11-25T10:30:00Z', null, [
              { status: 'IDENTIFIED', description: 'Cause found', updated_date: '2026-11-25T11:10:00Z' },
              { status: 'INVESTIGATING', description: 'Looking', updated_date: '2026-11-25T10:40:00Z' },
            ]),
            incident('Undated', 'not a date', null),
          ],
        }),
        'production',
      ),
    );
    expect(health.incidents).toEqual([
      {
        title: 'Logins failing',
        start: at('10:30:00'),
        end: null,
        latestUpdate: { status: 'IDENTIFIED', description: 'Cause found', at: at('11:10:00') },
      },
      {
        title: 'Old outage',
        start: new Date('2026-11-20T08:00:00Z'),
        end: new Date('2026-11-20T09:00:00Z'),
        latestUpdate: null,
      },
    ]);
  });
});

describe('labels', () => {
  it('names products and incident statuses, including ones Plaid adds later', () => {
    expect(productLabel('liabilities_updates')).toBe('Liabilities updates');
    expect(productLabel('balance_plus')).toBe('Balance plus');
    expect(incidentStatusLabel('SCHEDULED')).toBe('Scheduled maintenance');
    expect(incidentStatusLabel('MONITORING')).toBe('MONITORING');
  });

  it('reads words that name Object.prototype members as Plaid wrote them, never as the prototype', () => {
    expect(productLabel('__proto__')).toMatch(/proto/);
    expect(productLabel('constructor')).toBe('Constructor');
    expect(incidentStatusLabel('__proto__')).toBe('__proto__');
    expect(incidentStatusLabel('toString')).toBe('toString');
  });
});
