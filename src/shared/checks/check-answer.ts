import { diagnose } from '../diagnosis/diagnose';
import type { SessionDiagnosis } from '../diagnosis/read-session';
import { STEP_LABELS } from '../diagnosis/session-steps';
import { formatDuration, parseDate } from '../domain/format-time';
import { ownEntry } from '../own-entry';
import type { LinkTokenGetResponse, LinkTokenMetadata } from '../schemas/link-token-get-response';
import type { CheckReport, CheckRow, CheckStatus } from './check-report';
import {
  PRODUCT_LISTS,
  type ExpectedOutcome,
  type ProductList,
  type QaExpectations,
  type QaProfile,
} from './qa-profile';

// Checking one /link/token/get answer against a QA profile: one row per expectation the profile
// names, in a fixed order, expected and actual side by side. Lists Plaid treats as sets (products,
// country codes, account subtypes) are compared without regard to order.

const NONE = 'none';
export const NOT_IN_ANSWER = 'cannot be checked from Plaid’s answer';

const PRODUCT_LIST_LABELS: Readonly<Record<ProductList, string>> = {
  initial_products: 'Initial products',
  additional_consented_products: 'Additional consented products',
  optional_products: 'Optional products',
  required_if_supported_products: 'Required-if-supported products',
};

function listText(values: readonly string[]): string {
  return values.length === 0 ? NONE : values.join(', ');
}

// "missing: x; unexpected: y", for a set that differs; undefined when the sets are equal.
function setDifference(expected: readonly string[], actual: readonly string[]): string | undefined {
  const missing = expected.filter((value) => !actual.includes(value));
  const unexpected = actual.filter((value) => !expected.includes(value));
  const parts = [
    missing.length > 0 ? `missing: ${missing.join(', ')}` : null,
    unexpected.length > 0 ? `unexpected: ${unexpected.join(', ')}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function setRow(
  expectation: string,
  label: string,
  expected: readonly string[],
  actual: readonly string[],
): CheckRow {
  const difference = setDifference(expected, actual);
  return {
    expectation,
    label,
    expected: listText(expected),
    actual: listText(actual),
    status: difference ? 'fail' : 'pass',
    ...(difference ? { note: difference } : {}),
  };
}

function productRows(
  products: NonNullable<QaExpectations['products']>,
  metadata: LinkTokenMetadata,
): CheckRow[] {
  return PRODUCT_LISTS.flatMap((list) => {
    const expected = products[list];
    if (!expected) return [];
    const expectation = `products.${list}`;
    const label = PRODUCT_LIST_LABELS[list];
    if (list === 'initial_products') return [setRow(expectation, label, expected, metadata.initial_products)];
    return [
      {
        expectation,
        label,
        expected: listText(expected),
        actual: 'not returned',
        status: 'unknown',
        note: NOT_IN_ANSWER,
      },
    ];
  });
}

// An exact value, or null for "must have none" (Plaid's null and an empty string both read none).
function valueRow(
  expectation: string,
  label: string,
  expected: string | null,
  actual: string | null | undefined,
): CheckRow {
  const actualValue = actual ? actual : null;
  return {
    expectation,
    label,
    expected: expected ?? NONE,
    actual: actualValue ?? NONE,
    status: expected === actualValue ? 'pass' : 'fail',
  };
}

type AccountFilters = NonNullable<QaExpectations['account_filters']>;

function filtersText(filters: Readonly<Record<string, readonly string[]>>): string {
  const types = Object.keys(filters).sort();
  if (types.length === 0) return NONE;
  return types.map((type) => `${type}: ${listText(filters[type]!)}`).join('; ');
}

function accountFiltersRow(expected: AccountFilters, metadata: LinkTokenMetadata): CheckRow {
  const expectedByType: Record<string, string[]> = {};
  for (const [type, filter] of Object.entries(expected)) expectedByType[type] = filter.account_subtypes;
  const actualByType: Record<string, string[]> = {};
  for (const [type, filter] of Object.entries(metadata.account_filters ?? {})) {
    if (
      filter &&
      typeof filter === 'object' &&
      'account_subtypes' in filter &&
      Array.isArray(filter.account_subtypes)
    )
      actualByType[type] = filter.account_subtypes.filter(
        (subtype): subtype is string => typeof subtype === 'string',
      );
  }
  const types = [...new Set([...Object.keys(expectedByType), ...Object.keys(actualByType)])].sort();
  const differences = types.flatMap((type) => {
    const want = ownEntry(expectedByType, type);
    const have = ownEntry(actualByType, type);
    if (!want) return [`unexpected filter on ${type}`];
    if (!have) return [`no filter on ${type}`];
    const difference = setDifference(want, have);
    return difference ? [`${type}: ${difference}`] : [];
  });
  return {
    expectation: 'account_filters',
    label: 'Account filters',
    expected: filtersText(expectedByType),
    actual: filtersText(actualByType),
    status: differences.length > 0 ? 'fail' : 'pass',
    ...(differences.length > 0 ? { note: differences.join('; ') } : {}),
  };
}

const MINUTE_MS = 60_000;

function lifetimeRow(expectedMinutes: number, answer: LinkTokenGetResponse): CheckRow {
  const expected = formatDuration(expectedMinutes * MINUTE_MS);
  const created = parseDate(answer.created_at);
  const expires = parseDate(answer.expiration);
  const row = { expectation: 'lifetime_minutes', label: 'Lifetime', expected };
  if (!created || !expires)
    return {
      ...row,
      actual: 'not known',
      status: 'unknown',
      note: 'Plaid’s answer has no created_at or expiration',
    };
  const ms = expires.getTime() - created.getTime();
  // Plaid gives both times to the second: a minute's slack keeps rounding from failing a check.
  const matches = Math.abs(ms - expectedMinutes * MINUTE_MS) <= MINUTE_MS;
  return { ...row, actual: ms > 0 ? formatDuration(ms) : NONE, status: matches ? 'pass' : 'fail' };
}

function stepText(step: string): string {
  return ownEntry(STEP_LABELS, step) ?? step;
}

function expectedOutcomeText(outcome: ExpectedOutcome): string {
  const detail =
    outcome.kind === 'failed' && outcome.error_code
      ? ` with ${outcome.error_code}`
      : outcome.kind === 'abandoned' && outcome.step
        ? ` at the step “${stepText(outcome.step)}”`
        : '';
  return `${outcome.kind}${detail}${outcome.institution ? ` at ${outcome.institution}` : ''}`;
}

function actualOutcomeText(session: SessionDiagnosis): string {
  const detail =
    session.verdict === 'failed' && session.error
      ? ` with ${session.error.error_code}`
      : session.verdict === 'abandoned' && session.stoppedAt
        ? ` at the step “${stepText(session.stoppedAt)}”`
        : '';
  return `${session.verdict}${detail}${session.institution ? ` at ${session.institution}` : ''}`;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

// What in the session differs from the expected outcome; empty when it matches. The institution
// matches by name or by ins_ id.
function outcomeDifferences(expected: ExpectedOutcome, session: SessionDiagnosis): string[] {
  if (session.verdict !== expected.kind)
    return [`the session ${session.verdict === 'in progress' ? 'is' : 'was'} ${session.verdict}`];
  const differences: string[] = [];
  if (
    expected.kind === 'failed' &&
    expected.error_code &&
    !sameText(expected.error_code, session.error?.error_code ?? '')
  )
    differences.push(
      session.error ? `the error was ${session.error.error_code}` : 'the session has no error code',
    );
  if (expected.kind === 'abandoned' && expected.step && !sameText(expected.step, session.stoppedAt ?? ''))
    differences.push(
      session.stoppedAt
        ? `the user stopped at “${stepText(session.stoppedAt)}”`
        : 'where the user stopped is not known',
    );
  if (expected.institution) {
    const names = [session.institutionName, session.institutionId].filter(
      (name): name is string => name !== null,
    );
    if (!names.some((name) => sameText(name, expected.institution!)))
      differences.push(
        session.institution
          ? `the institution was ${session.institution}`
          : 'the session names no institution',
      );
  }
  return differences;
}

function outcomeRow(expected: ExpectedOutcome, answer: LinkTokenGetResponse, checkedAt: Date): CheckRow {
  const row = { expectation: 'outcome', label: 'Outcome', expected: expectedOutcomeText(expected) };
  const diagnosis = diagnose(answer, checkedAt.getTime());
  const session = diagnosis.sessions.find((candidate) => candidate.linkSessionId === diagnosis.linkSessionId);
  if (!session)
    return {
      ...row,
      actual: `no session (${diagnosis.verdict})`,
      status: 'unknown',
      note: 'No Link session with this token yet: the outcome cannot be checked',
    };
  const actual = actualOutcomeText(session);
  if (session.verdict === 'in progress')
    return {
      ...row,
      actual,
      status: 'unknown',
      note: 'The session has not ended yet: look it up again when it has',
    };
  const differences = outcomeDifferences(expected, session);
  return {
    ...row,
    actual,
    status: differences.length > 0 ? 'fail' : 'pass',
    ...(differences.length > 0 ? { note: differences.join('; ') } : {}),
  };
}

function rowsFor(expectations: QaExpectations, answer: LinkTokenGetResponse, checkedAt: Date): CheckRow[] {
  const { metadata } = answer;
  const rows: CheckRow[] = [];
  if (expectations.products) rows.push(...productRows(expectations.products, metadata));
  if (expectations.country_codes)
    rows.push(
      setRow(
        'country_codes',
        'Country codes',
        expectations.country_codes,
        metadata.country_codes.map((code) => code.toUpperCase()),
      ),
    );
  if (expectations.language !== undefined) {
    const language = valueRow('language', 'Language', expectations.language, metadata.language);
    rows.push({ ...language, status: sameText(language.expected, language.actual) ? 'pass' : 'fail' });
  }
  if (expectations.webhook !== undefined)
    rows.push(valueRow('webhook', 'Webhook', expectations.webhook, metadata.webhook));
  if (expectations.redirect_uri !== undefined)
    rows.push(valueRow('redirect_uri', 'Redirect URI', expectations.redirect_uri, metadata.redirect_uri));
  if (expectations.client_name !== undefined)
    rows.push(valueRow('client_name', 'Client name', expectations.client_name, metadata.client_name));
  if (expectations.account_filters) rows.push(accountFiltersRow(expectations.account_filters, metadata));
  if (expectations.lifetime_minutes !== undefined)
    rows.push(lifetimeRow(expectations.lifetime_minutes, answer));
  if (expectations.outcome) rows.push(outcomeRow(expectations.outcome, answer, checkedAt));
  return rows;
}

// fail when any row fails; pass only when there are rows and every one passes; else unknown (a
// profile that names nothing checks nothing, which is not a pass).
function overallStatus(rows: readonly CheckRow[]): CheckStatus {
  if (rows.some((row) => row.status === 'fail')) return 'fail';
  if (rows.length > 0 && rows.every((row) => row.status === 'pass')) return 'pass';
  return 'unknown';
}

// `checkedAt`: when the answer was Plaid's (the lookup, or when it was kept); the outcome is read
// as of then.
export function checkAnswer(
  profile: Pick<QaProfile, 'id' | 'name' | 'expectations'>,
  answer: LinkTokenGetResponse,
  checkedAt: Date,
): CheckReport {
  const rows = rowsFor(profile.expectations, answer, checkedAt);
  return {
    profile: { id: profile.id, name: profile.name },
    link_token: answer.link_token,
    status: overallStatus(rows),
    rows,
    checked_at: checkedAt.toISOString(),
  };
}
