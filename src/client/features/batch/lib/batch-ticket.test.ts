import { describe, expect, it } from 'vitest';
import { pendingRow, type BatchRow } from './batch-row';
import { batchTicket } from './batch-ticket';

function row(n: number, values: Partial<BatchRow>): BatchRow {
  return { ...pendingRow(`link-sandbox-${n}`, 'pending'), ...values };
}

describe('batchTicket', () => {
  it('gives the verdict counts, who acts next and the top error codes and institutions as Markdown', () => {
    const rows = [
      ...Array.from({ length: 6 }, (_, n) =>
        row(n, {
          verdict: 'failed',
          actor: 'nobody',
          errorCode: 'INSTITUTION_DOWN',
          institution: n < 4 ? 'Houndstooth Bank' : 'Tartan Bank',
        }),
      ),
      row(10, { verdict: 'linked', actor: 'nobody', institution: 'First Platypus Bank' }),
      row(11, { verdict: 'lookup failed', actor: 'inspector user', errorCode: 'INVALID_LINK_TOKEN' }),
      // Seven more codes, one token each: five make the top, the rest are counted.
      ...['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((code, n) =>
        row(20 + n, { verdict: 'failed', actor: 'end user', errorCode: `CODE_${code}` }),
      ),
    ];

    expect(batchTicket(rows, new Date('2026-11-25T06:00:00Z'))).toBe(
      [
        '### Link token batch: 15 tokens',
        '- **Looked up:** 25 Nov 2026, 06:00:00 UTC, with the Link Token Inspector',
        '',
        '### Verdicts',
        '- **Failed:** 13 (87%)',
        '- **Lookup failed:** 1 (7%)',
        '- **Linked:** 1 (7%)',
        '',
        '### Who acts next',
        '- **Nobody:** 7',
        '- **The end user:** 7',
        '- **The person looking up the token:** 1',
        '',
        '### Top error codes',
        '- **INSTITUTION\\_DOWN:** 6',
        '- **CODE\\_A:** 1',
        '- **CODE\\_B:** 1',
        '- **CODE\\_C:** 1',
        '- **CODE\\_D:** 1',
        '- 4 more (4 tokens) in the export',
        '',
        '### Top institutions',
        '- **Houndstooth Bank:** 4',
        '- **Tartan Bank:** 2',
        '- **First Platypus Bank:** 1',
      ].join('\n'),
    );
  });
});
