import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { LinkTokenGetResponseSchema } from '../../../../shared/schemas/link-token-get-response';
import { pendingRow, rowFromOutcome } from './batch-row';
import { csvCell, toCsv, toJson } from './export-batch';
import type { BatchOutcome } from './run-batch';
import { linkTokenBody, plaidErrorBody } from '../../../test/batch-answers';

const TOKEN = 'link-sandbox-11111111-1111-4111-8111-111111111111';

describe('csvCell', () => {
  it('quotes cells with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('keeps text that starts like a formula from running in a spreadsheet', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    const error = new ApiError(
      { ...plaidErrorBody('INVALID_LINK_TOKEN'), error_message: 'bad, "very" bad' },
      { httpStatus: 400 },
    );
    const csv = toCsv([rowFromOutcome(TOKEN, { kind: 'error', error }, 0), pendingRow(TOKEN, 'Cancelled')]);

    expect(csv).toBe(
      'link_token,environment,status,expiration,sessions,last_session_outcome,last_event,last_event_at,error_code,error_message,request_id\r\n' +
        `${TOKEN},sandbox,Error,,,,,,INVALID_LINK_TOKEN,"bad, ""very"" bad",req-error\r\n` +
        `${TOKEN},sandbox,Cancelled,,,,,,,,\r\n`,
    );
  });
});

describe('toJson', () => {
  it("includes each row with Plaid's whole answer or error", () => {
    const raw = linkTokenBody(TOKEN);
    const outcome: BatchOutcome = {
      kind: 'success',
      result: { data: LinkTokenGetResponseSchema.parse(raw), raw, timing: null },
    };

    const parsed = JSON.parse(
      toJson([{ row: rowFromOutcome(TOKEN, outcome, 0), outcome }], new Date('2026-11-25T06:00:00Z')),
    );

    expect(parsed).toEqual({
      exported_at: '2026-11-25T06:00:00.000Z',
      tokens: [
        {
          link_token: TOKEN,
          environment: 'sandbox',
          status: 'Active',
          expiration: '2099-01-01T00:00:00Z',
          sessions: 0,
          last_session_outcome: null,
          last_event: null,
          last_event_at: null,
          error_code: null,
          error_message: null,
          request_id: 'req-1111',
          response: raw,
          error: null,
        },
      ],
    });
  });
});
