// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { emptyResults, makeEvent, makeResponse, makeSession } from '../test/fixtures';
import { checkAnswer } from './check-answer';
import { EVIDENCE_CSP, evidenceHtml } from './evidence-html';
import { evidenceMarkdown } from './evidence-markdown';
import type { EvidenceInput } from './evidence-content';

const HOSTILE =
  '<script>alert("x")</script> `tick` | pipe \'quote\' [link](http://evil.test) <img src=x onerror=alert(1)>';
const PUBLIC_TOKEN = 'public-sandbox-5c3d1f2e-aaaa-bbbb-cccc-1234567890ab';
const AT = Date.parse('2026-11-25T12:00:00Z');

const failed = makeSession({
  events: [
    makeEvent({ event_name: 'OPEN', timestamp: '2026-11-25T10:00:00Z' }),
    makeEvent({
      event_name: 'SELECT_INSTITUTION',
      timestamp: '2026-11-25T10:00:20Z',
      event_metadata: { institution_name: HOSTILE, institution_id: 'ins_1' },
    }),
    makeEvent({
      event_name: 'ERROR',
      timestamp: '2026-11-25T10:01:00Z',
      event_metadata: { error_code: 'INVALID_CREDENTIALS', institution_name: HOSTILE },
    }),
  ],
  exit: {
    error: {
      error_type: 'ITEM_ERROR',
      error_code: 'INVALID_CREDENTIALS',
      error_message: HOSTILE,
      display_message: HOSTILE,
      request_id: 'req-exit',
    },
    metadata: { status: 'requires_credentials', institution: { name: HOSTILE, institution_id: 'ins_1' } },
  },
  results: emptyResults,
});
const linkedEarlier = makeSession({
  link_session_id: 'session-0',
  started_at: '2026-11-25T09:50:00Z',
  finished_at: '2026-11-25T09:51:00Z',
  on_success: { public_token: PUBLIC_TOKEN, metadata: { institution: { name: 'Tartan Bank' } } },
});

const answer = makeResponse({
  metadata: { ...makeResponse().metadata, client_name: HOSTILE },
  link_sessions: [failed, linkedEarlier],
});
const report = checkAnswer(
  {
    id: 'profile-1',
    name: HOSTILE,
    expectations: { client_name: 'Acme Budget', outcome: { kind: 'linked' }, language: 'en' },
  },
  answer,
  new Date(AT),
);
const input: EvidenceInput = {
  answer,
  raw: JSON.parse(JSON.stringify(answer)),
  answeredAt: AT,
  lookedUpBy: 'qa@example.com',
  inspectorVersion: '0.1.0',
  report,
};

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('evidenceHtml', () => {
  const html = evidenceHtml(input);
  const doc = parse(html);

  it('has no script and a content policy that forbids everything but inline style', () => {
    expect(html.toLowerCase()).not.toContain('<script');
    expect(doc.querySelectorAll('script, img, iframe, object, link, a').length).toBe(0);
    expect(
      [...doc.querySelectorAll('*')]
        .flatMap((element) => element.getAttributeNames())
        .filter((name) => name.startsWith('on')),
    ).toEqual([]);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe(EVIDENCE_CSP);
    expect(EVIDENCE_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
  });

  it('keeps every hostile value as text', () => {
    expect(doc.title).toContain('Evidence for link token');
    const cells = [...doc.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells).toContain(HOSTILE);
    expect(doc.querySelector('h2')?.textContent).toContain('Verdict');
    expect(html).not.toContain('alert("x")');
  });

  it('leads with the verdict, then the checks with pass and fail, configuration, steps, events and the raw answer', () => {
    const headings = [...doc.querySelectorAll('h2')].map((heading) => heading.textContent);
    expect(headings[0]).toBe('Verdict: Failed');
    expect(headings[1]).toContain('Checks against');
    expect(headings[1]).toContain('Fail');
    expect(headings.slice(2)).toEqual([
      'Lookup',
      'Configuration',
      'Link sessions (2)',
      'Plaid’s answer as received',
    ]);
    const checkRows = [...doc.querySelectorAll('table.checks tbody tr')].map((row) => row.textContent);
    expect(checkRows).toEqual([
      expect.stringMatching(/^PassLanguage/),
      expect.stringMatching(/^FailClient name/),
      expect.stringMatching(/^FailOutcome/),
    ]);
    expect(doc.body.textContent).toContain('qa@example.com');
    expect(doc.body.textContent).toContain('Link Token Inspector 0.1.0');
    expect(doc.body.textContent).toContain('10:01:00 UTC');
    expect(doc.querySelector('pre')?.textContent).toContain('"request_id": "req-abc123"');
  });

  it('masks public tokens', () => {
    expect(html).not.toContain(PUBLIC_TOKEN);
    expect(html).toContain('public-sandbox-…90ab');
  });
});

describe('evidenceMarkdown', () => {
  const markdown = evidenceMarkdown(input);

  it('keeps each table row to its columns whatever the values hold', () => {
    const unescapedPipes = (line: string) => line.replace(/\\./g, '').split('|').length - 1;
    // Each table's rows have as many cell borders as its heading row.
    const tables = markdown.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThan(5);
    for (const block of tables) {
      const counts = block.split('\n').map(unescapedPipes);
      expect(new Set(counts)).toEqual(new Set([counts[0]]));
    }
  });

  it('escapes HTML, backticks and links out of every value', () => {
    const outsideFence = markdown.slice(0, markdown.indexOf('```json'));
    expect(outsideFence).not.toMatch(/(?<!\\)<script/);
    expect(outsideFence).not.toMatch(/(?<!\\)`tick/);
    expect(outsideFence).not.toMatch(/(?<!\\)\[link(?<!\\)\]/);
    expect(outsideFence).toContain('\\<script\\>alert("x")\\</script\\>');
  });

  it('says the verdict, the checks and the rest, with public tokens masked', () => {
    expect(markdown).toMatch(/^# Evidence for link token/);
    expect(markdown).toContain('## Verdict: Failed');
    expect(markdown).toContain('| Fail | Outcome | linked |');
    expect(markdown).toContain('| Pass | Language | en | en |');
    expect(markdown).toContain('## Configuration');
    expect(markdown).toContain('**Steps**');
    expect(markdown).not.toContain(PUBLIC_TOKEN);
    expect(markdown).toContain('"public_token": "public-sandbox-…90ab"');
  });
});
