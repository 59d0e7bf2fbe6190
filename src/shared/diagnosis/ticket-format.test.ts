import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderTicket, type TicketRow, type TicketSection } from './ticket-format';

// A CommonMark reader with raw HTML on, as strict as the trackers a ticket is pasted into.
const commonMark = new MarkdownIt('commonmark');

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
        '- **Session 1 of 1:** ``abc`def``',
        '  - **Outcome:** Failed',
      ].join('\n'),
    );
  });
});

// Values as a hostile or broken Plaid answer could send them: a blank line to end the span, then a
// link, an image, raw HTML; a bidi override that reverses what the reader sees.
const HOSTILE = [
  'ins_1\n\n[Reset your password](https://evil.example/reset)',
  'x\r\n\r\n![pixel](https://evil.example/track.png)',
  'a\u0085\u2028\u2029<img src=x onerror=alert(1)>',
  'tab\there\u0000nul\u001b[31mred',
  'RTL \u202egnp.exe\u202c and \u2066isolate\u2069',
];

// What must not be left in any line: control characters, bidi marks, line and paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/u;

function hostileSections(style: TicketRow['style']): TicketSection[] {
  return [
    {
      heading: 'Heading\n\n[link](https://evil.example)',
      rows: HOSTILE.map((value) => ({
        label: `Label\n\n![img](https://evil.example/l.png) ${value}`,
        value,
        style,
      })),
    },
  ];
}

describe('renderTicket with hostile values', () => {
  it.each(['text', 'code'] as const)('makes no link, image or HTML out of %s values in Markdown', (style) => {
    const markdown = renderTicket(hostileSections(style), 'markdown');
    const html = commonMark.render(markdown);

    expect(html).not.toMatch(/<a |<img|<script/);
    // One heading line, then one list item per row: nothing broke out of its line.
    expect(markdown.split('\n')).toHaveLength(1 + HOSTILE.length);
    expect(markdown.split('\n').filter((line) => INVISIBLE.test(line))).toEqual([]);
  });

  it('collapses control characters and bidi marks in plain text, so a value cannot add a line', () => {
    const text = renderTicket(hostileSections('text'), 'text');
    const lines = text.split('\n');

    expect(lines).toHaveLength(1 + HOSTILE.length);
    expect(lines[0]).toBe('Heading [link](https://evil.example)');
    expect(lines[5]).toMatch(/: RTL +gnp\.exe +and +isolate $/);
    expect(lines.filter((line) => INVISIBLE.test(line))).toEqual([]);
  });

  it.each([
    ['a`b', '``a`b``'],
    ['``x```y`', '```` ``x```y` ````'],
    ['`starts', '`` `starts ``'],
    ['ends ', '` ends  `'],
  ])('fences the code value %j with a longer backtick run, so it reads back exactly', (value, fenced) => {
    const markdown = renderTicket(
      [{ heading: null, rows: [{ label: 'ID', value, style: 'code' }] }],
      'markdown',
    );

    expect(markdown).toBe(`- **ID:** ${fenced}`);
    const code = /<code>(.*)<\/code>/.exec(commonMark.render(markdown))?.[1];
    expect(code).toBe(value);
  });
});
