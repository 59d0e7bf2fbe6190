import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { pendingRow, rowFromOutcome } from './batch-row';
import { NO_SOURCE, readBatchSource } from './batch-source';
import { toCsv, toJson } from './export-batch';
import type { BatchOutcome } from './run-batch';
import { resultFromBody } from '../../../test/lookup-results';
import { failedSession, linkTokenBody, plaidErrorBody } from '../../../test/batch-answers';

const TOKEN = 'link-sandbox-11111111-1111-4111-8111-111111111111';
const NOW = Date.parse('2026-11-25T06:00:00Z');
const HEADER =
  'link_token,environment,verdict,summary,who_acts_next,next_step,error_code,lookup_error_code,exit_status,institution,' +
  'institution_id,' +
  'step_reached,last_activity_at,token_validity,expiration,sessions,error_message,request_id,occurrences';

function success(raw: Record<string, unknown>): BatchOutcome {
  return {
    kind: 'success',
    result: resultFromBody(raw),
  };
}

describe('toCsv', () => {
  it('writes the verdict, who acts next, error code, institution and step in the table’s words', () => {
    const outcome = success(linkTokenBody(TOKEN, { sessions: [failedSession('INSTITUTION_DOWN')] }));
    const row = rowFromOutcome(TOKEN, outcome, NOW);
    const lines = toCsv([row], NO_SOURCE).split('\r\n');

    expect(lines[0]).toBe(HEADER);
    expect(row.nextStep).toMatch(/^Wait for the bank/);
    expect(lines[1]).toBe(
      [
        TOKEN,
        'sandbox',
        'Failed',
        'Link failed at Houndstooth Bank with INSTITUTION_DOWN (exit status requires_credentials).',
        'Wait for the bank',
        // A comma in the next step: the field is quoted.
        `"${row.nextStep}"`,
        'INSTITUTION_DOWN',
        // Link's error, not the lookup's.
        '',
        'requires_credentials',
        'Houndstooth Bank',
        'ins_109512',
        'Bank credentials',
        '2026-11-25T05:05:00.000Z',
        'Active',
        '2099-01-01T00:00:00Z',
        '1',
        'INSTITUTION_DOWN happened',
        'req-1111',
        '',
      ].join(','),
    );
  });

  it('writes a failed lookup, its code apart from Link’s, and a cancelled token, one CRLF-terminated line each', () => {
    const error = new ApiError(
      { ...plaidErrorBody('INVALID_LINK_TOKEN'), error_message: 'bad, "very" bad' },
      { httpStatus: 400 },
    );
    const csv = toCsv(
      [rowFromOutcome(TOKEN, { kind: 'error', error }, NOW), pendingRow(TOKEN, 'cancelled')],
      NO_SOURCE,
    );
    const [, failed, cancelled, end] = csv.split('\r\n');

    expect(failed).toMatch(
      new RegExp(
        `^${TOKEN},sandbox,Lookup failed,"INVALID_LINK_TOKEN: [^"]+",The person looking up the token,"[^"]+",,INVALID_LINK_TOKEN,,,,,,,,,"bad, ""very"" bad",req-error,$`,
      ),
    );
    expect(cancelled).toBe(`${TOKEN},sandbox,Cancelled,,,,,,,,,,,,,,,,`);
    expect(end).toBe('');
  });
});

describe('toJson', () => {
  it("includes each row with Plaid's whole answer or error", () => {
    const raw = linkTokenBody(TOKEN);
    const outcome = success(raw);

    const parsed = JSON.parse(
      toJson(
        [{ row: rowFromOutcome(TOKEN, outcome, NOW), outcome, notKept: null }],
        new Date(NOW),
        NO_SOURCE,
      ),
    );

    expect(parsed).toEqual({
      exported_at: '2026-11-25T06:00:00.000Z',
      responses_not_kept: 0,
      tokens: [
        {
          link_token: TOKEN,
          environment: 'sandbox',
          verdict: 'Never opened',
          summary: expect.stringMatching(/^Link has not been opened with this token yet/),
          who_acts_next: 'The end user',
          next_step: expect.any(String),
          error_code: null,
          lookup_error_code: null,
          exit_status: null,
          institution: null,
          institution_id: null,
          step_reached: null,
          last_activity_at: null,
          token_validity: 'Active',
          expiration: '2099-01-01T00:00:00Z',
          sessions: 0,
          error_message: null,
          request_id: 'req-1111',
          occurrences: null,
          source: null,
          response: raw,
          response_not_kept: null,
          error: null,
        },
      ],
    });
  });

  it('says which answers were over the memory budget and not kept, and why', () => {
    const outcome = success(linkTokenBody(TOKEN, { sessions: [failedSession('INSTITUTION_DOWN')] }));
    const row = rowFromOutcome(TOKEN, outcome, NOW);
    const parsed = JSON.parse(
      toJson([{ row, outcome: null, notKept: { size: 16 * 1024 * 1024 } }], new Date(NOW), NO_SOURCE),
    );

    expect(parsed.responses_not_kept).toBe(1);
    expect(parsed.tokens[0]).toMatchObject({
      verdict: 'Failed',
      error_code: 'INSTITUTION_DOWN',
      response: null,
    });
    expect(parsed.tokens[0].response_not_kept).toBe(
      'Plaid’s answer (16.0 MB) was not kept: this page keeps at most 64 MB of answers per batch, so that very large answers cannot exhaust the browser’s memory. The row was diagnosed from the whole answer; look the token up on its own to see the answer.',
    );
  });
});

describe('exports of a pasted CSV', () => {
  const OTHER = 'link-sandbox-22222222-2222-4222-8222-222222222222';
  // As a support lead exports it: a header, the token in its third column, a token pasted again,
  // a junk line, and a quoted field holding a comma.
  const PASTE = [
    'user_id,created,link_token,note',
    `u-17,2026-11-20,${TOKEN},"first try, failed"`,
    `u-42,2026-11-21,${OTHER.toUpperCase()},`,
    'export truncated here',
    `u-17,2026-11-22,${TOKEN},second try`,
    `u-17,2026-11-23,${TOKEN},third try`,
  ].join('\r\n');
  const source = readBatchSource(PASTE, [TOKEN, OTHER]);
  const rows = [TOKEN, OTHER].map((token) => pendingRow(token, 'cancelled'));

  it("keeps the CSV's own columns beside each token (its first line's) and counts how often it came", () => {
    const [header, first, second] = toCsv(rows, source).split('\r\n');

    expect(header).toBe(`${HEADER},source_user_id,source_created,source_note`);
    expect(first).toMatch(new RegExp(`^${TOKEN},.*,3,u-17,2026-11-20,"first try, failed"$`));
    expect(second).toMatch(new RegExp(`^${OTHER},.*,1,u-42,2026-11-21,$`));
  });

  it('gives each token its occurrences and source columns in the JSON export', () => {
    const entries = rows.map((row) => ({ row, outcome: null, notKept: null }));
    const parsed = JSON.parse(toJson(entries, new Date(NOW), source));

    expect(parsed.tokens[0]).toMatchObject({
      link_token: TOKEN,
      occurrences: 3,
      source: { user_id: 'u-17', created: '2026-11-20', note: 'first try, failed' },
    });
    expect(parsed.tokens[1]).toMatchObject({ occurrences: 1, source: { user_id: 'u-42' } });
  });

  it('adds no source columns for a paste that is not a CSV with a header, but still counts', () => {
    const log = `06:00 created ${TOKEN}\n06:01 opened ${TOKEN} user=u-17\n06:02 ${OTHER}`;
    const [header, first] = toCsv(rows, readBatchSource(log, [TOKEN, OTHER])).split('\r\n');

    expect(header).toBe(HEADER);
    expect(first).toMatch(/,2$/);
  });
});
