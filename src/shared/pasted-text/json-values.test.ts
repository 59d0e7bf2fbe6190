import { describe, expect, it } from 'vitest';
import { findJsonValues } from './json-values';

const values = (text: string) => findJsonValues(text).map((span) => span.value);

describe('findJsonValues', () => {
  it('finds JSON after a log prefix and before a suffix, several on a line', () => {
    const text = '2026-11-25T10:00:00Z INFO onExit: null {"status":"requires_code"} (took 3ms)';
    expect(values(text)).toEqual([{ status: 'requires_code' }]);
    expect(values('onExit {"error_code":"X"} {"link_session_id":"s"}')).toEqual([
      { error_code: 'X' },
      { link_session_id: 's' },
    ]);
  });

  it('reads brackets that open no JSON as text: log levels, placeholders, braces in strings', () => {
    const text = '[INFO] {user} said {"note":"a } and a { in a string","list":[1,2]} [done]';
    expect(values(text)).toEqual([{ note: 'a } and a { in a string', list: [1, 2] }]);
  });

  it('finds a pretty-printed value over many lines, with its offsets', () => {
    const text = 'body:\n{\n  "webhook_code": "EVENTS",\n  "events": []\n}\nafter';
    const [span] = findJsonValues(text);
    expect(span!.value).toEqual({ webhook_code: 'EVENTS', events: [] });
    expect(text.slice(span!.start, span!.end).startsWith('{')).toBe(true);
    expect(text.slice(span!.end)).toBe('\nafter');
  });

  it('gives up a bracket that never closes at the end of its line, so later lines are still read', () => {
    expect(values('onEvent {"broken": \n{"ok":true}')).toEqual([{ ok: true }]);
  });

  it('skips values nested deeper than any Link log (the depth limit)', () => {
    expect(values(`${'['.repeat(100)}${']'.repeat(100)} {"a":1}`)).toEqual([{ a: 1 }]);
  });

  it('finds nothing in text without JSON', () => {
    expect(findJsonValues('')).toEqual([]);
    expect(findJsonValues('just a line\nand another')).toEqual([]);
  });
});
