import { describe, expect, it } from 'vitest';
import { makeEvent, makeResponse, makeSession } from '../test/fixtures';
import { diagnose } from './diagnose';
import { findings } from './findings';
import { countryConflicts, narrowingProducts } from './product-coverage';

const NOW = Date.parse('2026-11-25T11:00:00Z');
const configured = (initial_products: string[], country_codes: string[]) =>
  makeResponse({ metadata: { ...makeResponse().metadata, initial_products, country_codes } });
const ids = (response: ReturnType<typeof makeResponse>) =>
  findings(response, NOW).map((finding) => finding.id);

describe('a product offered only outside the token’s countries', () => {
  it('is found from the coverage table, only when none of the countries offers it', () => {
    expect(countryConflicts(configured(['payment_initiation'], ['US']).metadata)).toEqual([
      { product: 'payment_initiation', where: 'the UK and Europe' },
    ]);
    expect(countryConflicts(configured(['payment_initiation'], ['US', 'GB']).metadata)).toEqual([]);
    expect(countryConflicts(configured(['transfer'], ['GB']).metadata)).toEqual([
      { product: 'transfer', where: 'the US' },
    ]);
    expect(countryConflicts(configured(['transactions', 'auth'], ['CA']).metadata)).toEqual([]);
  });

  it('is a Problem finding, and the verdict of a “not supported” exit names it', () => {
    const response = configured(['payment_initiation'], ['US']);
    expect(findings(response, NOW)[0]).toMatchObject({
      id: 'product-outside-countries',
      severity: 'problem',
    });
    const filtered = makeSession({
      events: [
        makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:00Z' }),
        makeEvent({
          event_name: 'SELECT_FILTERED_INSTITUTION',
          timestamp: '2026-11-25T10:00:10Z',
          event_metadata: { institution_name: 'First Platypus Bank' },
        }),
      ],
      exit: { error: null, metadata: { status: 'institution_not_supported' } },
    });
    const diagnosis = diagnose({ ...response, link_sessions: [filtered] }, NOW);
    expect(diagnosis.actor).toBe('integrating team');
    expect(diagnosis.headline).toContain('no bank in the token’s countries offers payment_initiation');
  });
});

describe('several required products narrowing the banks', () => {
  it('is a Note when a product few banks support is required beside others', () => {
    expect(narrowingProducts(configured(['transactions', 'investments'], ['US']).metadata)).toEqual([
      'investments',
    ]);
    expect(ids(configured(['transactions', 'investments'], ['US']))).toContain('products-narrow-banks');
    // One product alone, or common ones together, narrow nothing worth a note.
    expect(ids(configured(['investments'], ['US']))).not.toContain('products-narrow-banks');
    expect(ids(configured(['auth', 'transactions'], ['US']))).not.toContain('products-narrow-banks');
  });
});
