import { describe, expect, it } from 'vitest';
import { renderTicket, type TicketSection } from './ticket-format';

const sections: TicketSection[] = [
  {
    heading: null,
    rows: [
      { label: 'Verdict', value: 'Failed. Link failed at *Tartan* Bank.' },
      { label: 'Docs', value: 'https://plaid.com/docs/errors/item/#item_login_required', style: 'url' },
    ],
  },
  { heading: 'Findings', rows: [{ value: 'Plaid cannot reach <the> webhook' }] },
  { heading: 'Empty', rows: [] },
  {
    heading: 'Sessions',
    rows: [
      { label: 'Session 1 of 1', value: 'abc`def', style: 'code' },
      { label: 'Outcome', value: 'Failed', nested: true },
    ],
  },
];

describe('renderTicket', () => {
  it('writes plain text: label and value per line, list items, headings, nested rows indented', () => {
    expect(renderTicket(sections, 'text')).toBe(
      [
        'Verdict: Failed. Link failed at *Tartan* Bank.',
        'Docs: https://plaid.com/docs/errors/item/#item_login_required',
        '',
        'Findings',
        '- Plaid cannot reach <the> webhook',
        '',
        'Sessions',
        'Session 1 of 1: abc`def',
        '  Outcome: Failed',
      ].join('\n'),
    );
  });

  it('writes Markdown with escaped values, links and code, so a value cannot change the layout', () => {
    expect(renderTicket(sections, 'markdown')).toBe(
      [
        '- **Verdict:** Failed. Link failed at \\*Tartan\\* Bank.',
        '- **Docs:** <https://plaid.com/docs/errors/item/#item_login_required>',
        '',
        '### Findings',
        '- Plaid cannot reach \\<the\\> webhook',
        '',
        '### Sessions',
        "- **Session 1 of 1:** `abc'def`",
        '  - **Outcome:** Failed',
      ].join('\n'),
    );
  });
});
