import { describe, expect, it } from 'vitest';
import type { LinkSession } from '../schemas/link-token-get-response';
import { emptyResults, invalidCredentials, makeEvent, makeResponse, makeSession } from '../test/fixtures';
import { checkAnswer, NOT_IN_ANSWER } from './check-answer';
import type { QaExpectations } from './qa-profile';

// The answer is made at 10:00 with a 4-hour token; it is checked at 12:00.
const CHECKED_AT = new Date('2026-11-25T12:00:00Z');
const TARTAN = { institution_name: 'Tartan Bank', institution_id: 'ins_109511' };
const at = (minute: number, second = 0) =>
  `2026-11-25T11:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}Z`;
const event = (event_name: string, second: number, event_metadata = {}) =>
  makeEvent({ event_name, timestamp: at(50, second), event_metadata });

function check(expectations: QaExpectations, sessions?: LinkSession[], overrides = {}) {
  const answer = makeResponse({ ...(sessions ? { link_sessions: sessions } : {}), ...overrides });
  return checkAnswer({ id: 'profile-1', name: 'New Item, US', expectations }, answer, CHECKED_AT);
}

const only = (expectations: QaExpectations, sessions?: LinkSession[], overrides = {}) => {
  const report = check(expectations, sessions, overrides);
  expect(report.rows).toHaveLength(1);
  return report.rows[0]!;
};

const linked = makeSession({
  started_at: at(50),
  finished_at: at(51),
  events: [event('OPEN', 0), event('SELECT_INSTITUTION', 10, TARTAN), event('HANDOFF', 50)],
  on_success: {
    public_token: 'public-sandbox-x',
    metadata: { institution: { name: 'Tartan Bank', institution_id: 'ins_109511' } },
  },
});

const failedCredentials = makeSession({
  started_at: at(50),
  finished_at: at(51),
  events: [
    event('OPEN', 0),
    event('SELECT_INSTITUTION', 10, TARTAN),
    event('ERROR', 30, { ...TARTAN, error_code: 'INVALID_CREDENTIALS' }),
  ],
  exit: {
    error: invalidCredentials,
    metadata: {
      status: 'requires_credentials',
      institution: { name: 'Tartan Bank', institution_id: 'ins_109511' },
    },
  },
  results: emptyResults,
});

const abandonedAtCredentials = makeSession({
  started_at: at(50),
  finished_at: at(51),
  events: [
    event('OPEN', 0),
    event('SELECT_INSTITUTION', 10, TARTAN),
    event('TRANSITION_VIEW', 11, { view_name: 'CREDENTIAL' }),
    event('EXIT', 40),
  ],
  exit: {
    error: null,
    metadata: {
      status: 'requires_credentials',
      institution: { name: 'Tartan Bank', institution_id: 'ins_109511' },
    },
  },
  results: emptyResults,
});

describe('checkAnswer: the report', () => {
  it('names the profile, the token and when, and passes only when every row passes', () => {
    const report = check({ language: 'en', client_name: 'Acme Budget' });
    expect(report).toMatchObject({
      profile: { id: 'profile-1', name: 'New Item, US' },
      link_token: makeResponse().link_token,
      status: 'pass',
      checked_at: '2026-11-25T12:00:00.000Z',
    });
    expect(report.rows.map((row) => row.expectation)).toEqual(['language', 'client_name']);
  });

  it('fails when any row fails, even beside unknown rows', () => {
    expect(check({ language: 'fr', products: { optional_products: ['auth'] } }).status).toBe('fail');
  });

  it('is unknown, not a pass, when a row cannot be checked or nothing is expected', () => {
    expect(check({ language: 'en', products: { optional_products: ['auth'] } }).status).toBe('unknown');
    expect(check({}).status).toBe('unknown');
  });
});

describe('checkAnswer: products', () => {
  it('compares initial_products as a set', () => {
    expect(only({ products: { initial_products: ['transactions', 'auth'] } })).toMatchObject({
      label: 'Initial products',
      expected: 'transactions, auth',
      actual: 'auth, transactions',
      status: 'pass',
    });
  });

  it('says which products are missing and which unexpected', () => {
    expect(only({ products: { initial_products: ['auth', 'identity'] } })).toMatchObject({
      status: 'fail',
      note: 'missing: identity; unexpected: transactions',
    });
  });

  it('reads the lists Plaid does not return as unknown, whatever they say', () => {
    const rows = check({
      products: { additional_consented_products: ['identity'], required_if_supported_products: [] },
    }).rows;
    expect(rows.map((row) => [row.expectation, row.status, row.note])).toEqual([
      ['products.additional_consented_products', 'unknown', NOT_IN_ANSWER],
      ['products.required_if_supported_products', 'unknown', NOT_IN_ANSWER],
    ]);
  });
});

describe('checkAnswer: country codes and language', () => {
  it('compares country codes as a set', () => {
    expect(only({ country_codes: ['CA', 'US'] }).status).toBe('pass');
    expect(only({ country_codes: ['US'] })).toMatchObject({ status: 'fail', note: 'unexpected: CA' });
  });

  it('compares the language without regard to case, and fails when Plaid has none', () => {
    expect(only({ language: 'EN' }).status).toBe('pass');
    expect(only({ language: 'fr' })).toMatchObject({ expected: 'fr', actual: 'en', status: 'fail' });
    expect(
      only({ language: 'en' }, undefined, { metadata: { ...makeResponse().metadata, language: null } }),
    ).toMatchObject({
      actual: 'none',
      status: 'fail',
    });
  });
});

describe('checkAnswer: webhook, redirect_uri and client_name', () => {
  it('passes an exact webhook and fails another', () => {
    expect(only({ webhook: 'https://example.com/webhook' }).status).toBe('pass');
    expect(only({ webhook: 'https://example.com/other' })).toMatchObject({
      expected: 'https://example.com/other',
      actual: 'https://example.com/webhook',
      status: 'fail',
    });
  });

  it('reads null as "must have none"', () => {
    expect(only({ webhook: null })).toMatchObject({ expected: 'none', status: 'fail' });
    expect(only({ redirect_uri: null }).status).toBe('pass');
    const emptyWebhook = { metadata: { ...makeResponse().metadata, webhook: '' } };
    expect(only({ webhook: null }, undefined, emptyWebhook).status).toBe('pass');
  });

  it('checks the redirect_uri and the client name', () => {
    expect(only({ redirect_uri: 'https://app.example.com/oauth' })).toMatchObject({
      actual: 'none',
      status: 'fail',
    });
    expect(only({ client_name: 'Acme Budget' }).status).toBe('pass');
    expect(only({ client_name: 'Acme' }).status).toBe('fail');
  });
});

describe('checkAnswer: account filters', () => {
  const withFilters = {
    metadata: {
      ...makeResponse().metadata,
      account_filters: { depository: { account_subtypes: ['savings', 'checking'] } },
    },
  };

  it('compares the subtypes of each type as sets', () => {
    expect(
      only(
        { account_filters: { depository: { account_subtypes: ['checking', 'savings'] } } },
        undefined,
        withFilters,
      ),
    ).toMatchObject({
      expected: 'depository: checking, savings',
      actual: 'depository: savings, checking',
      status: 'pass',
    });
  });

  it('says which type is missing, unexpected or different', () => {
    expect(
      only({ account_filters: { credit: { account_subtypes: ['credit card'] } } }, undefined, withFilters),
    ).toMatchObject({
      status: 'fail',
      note: 'no filter on credit; unexpected filter on depository',
    });
    expect(
      only({ account_filters: { depository: { account_subtypes: ['checking'] } } }, undefined, withFilters),
    ).toMatchObject({
      status: 'fail',
      note: 'depository: unexpected: savings',
    });
  });

  it('passes "no filters" against an answer without any', () => {
    expect(only({ account_filters: {} })).toMatchObject({ expected: 'none', actual: 'none', status: 'pass' });
  });
});

describe('checkAnswer: lifetime', () => {
  it('measures from created_at to expiration, with a minute of slack', () => {
    expect(only({ lifetime_minutes: 240 })).toMatchObject({ expected: '4 h', actual: '4 h', status: 'pass' });
    expect(only({ lifetime_minutes: 30 }, undefined, { expiration: '2026-11-25T10:30:40Z' }).status).toBe(
      'pass',
    );
    expect(only({ lifetime_minutes: 30 })).toMatchObject({
      expected: '30 min',
      actual: '4 h',
      status: 'fail',
    });
  });

  it('is unknown when Plaid left out a time', () => {
    expect(only({ lifetime_minutes: 30 }, undefined, { created_at: null })).toMatchObject({
      status: 'unknown',
      actual: 'not known',
    });
  });
});

describe('checkAnswer: outcome', () => {
  it('passes a linked session, by institution name or ins_ id', () => {
    expect(only({ outcome: { kind: 'linked' } }, [linked])).toMatchObject({
      expected: 'linked',
      actual: 'linked at Tartan Bank (ins_109511)',
      status: 'pass',
    });
    expect(only({ outcome: { kind: 'linked', institution: 'ins_109511' } }, [linked]).status).toBe('pass');
    expect(only({ outcome: { kind: 'linked', institution: 'tartan bank' } }, [linked]).status).toBe('pass');
    expect(only({ outcome: { kind: 'linked', institution: 'First Platypus Bank' } }, [linked])).toMatchObject(
      {
        status: 'fail',
        note: 'the institution was Tartan Bank (ins_109511)',
      },
    );
  });

  it('fails a linked expectation when the session failed, saying how', () => {
    expect(only({ outcome: { kind: 'linked' } }, [failedCredentials])).toMatchObject({
      actual: 'failed with INVALID_CREDENTIALS at Tartan Bank (ins_109511)',
      status: 'fail',
      note: 'the session was failed',
    });
  });

  it('checks the error code of a failure', () => {
    expect(
      only({ outcome: { kind: 'failed', error_code: 'INVALID_CREDENTIALS' } }, [failedCredentials]).status,
    ).toBe('pass');
    expect(
      only({ outcome: { kind: 'failed', error_code: 'ITEM_LOCKED' } }, [failedCredentials]),
    ).toMatchObject({
      expected: 'failed with ITEM_LOCKED',
      status: 'fail',
      note: 'the error was INVALID_CREDENTIALS',
    });
  });

  it('checks the step of an abandonment', () => {
    const row = only({ outcome: { kind: 'abandoned', step: 'credentials' } }, [abandonedAtCredentials]);
    expect(row).toMatchObject({ expected: 'abandoned at the step “Bank credentials”', status: 'pass' });
    expect(only({ outcome: { kind: 'abandoned', step: 'mfa' } }, [abandonedAtCredentials])).toMatchObject({
      status: 'fail',
      note: 'the user stopped at “Bank credentials”',
    });
  });

  it('is unknown without a session, or while the session is in progress', () => {
    expect(only({ outcome: { kind: 'linked' } })).toMatchObject({
      status: 'unknown',
      actual: 'no session (never opened)',
    });
    const open = makeSession({
      started_at: at(55),
      finished_at: null,
      events: [makeEvent({ event_name: 'OPEN', timestamp: at(55) })],
    });
    expect(only({ outcome: { kind: 'linked' } }, [open])).toMatchObject({
      status: 'unknown',
      actual: 'in progress',
    });
  });
});
