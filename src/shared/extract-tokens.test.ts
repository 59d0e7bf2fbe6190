import { describe, expect, it } from 'vitest';
import { extractTokens, MAX_BATCH_TOKENS, MAX_LISTED_IGNORED_LINES } from './extract-tokens';

const A = 'link-sandbox-11111111-1111-4111-8111-111111111111';
const B = 'link-production-22222222-2222-4222-8222-222222222222';
const C = 'link-development-33333333-3333-4333-8333-333333333333';

function tokenNumber(n: number): string {
  return `link-sandbox-${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
}

describe('extractTokens', () => {
  it('finds tokens anywhere in log lines, CSV and JSON, in order of first appearance', () => {
    const text = [
      `2026-11-25T06:00:01Z INFO lookup link_token=${A} status=200`,
      `"${B}",sandbox,2026-11-25`,
      `{"tokens": ["${C}", "${A}"]}`,
    ].join('\n');

    const result = extractTokens(text);

    expect(result.tokens).toEqual([A, B, C]);
    expect(result.foundCount).toBe(4);
    expect(result.duplicateCount).toBe(1);
    expect(result.ignoredLines).toEqual([]);
  });

  it('treats upper-case copies as the same token and returns it lower-cased', () => {
    const result = extractTokens(`${A.toUpperCase()}\n${A}`);
    expect(result.tokens).toEqual([A]);
    expect(result.duplicateCount).toBe(1);
  });

  it('reports non-blank lines without a link token with their line number, and skips blank lines', () => {
    const text = `header line\n\n${A}\n   \npublic-sandbox-44444444-4444-4444-8444-444444444444\r\n${B}`;
    const result = extractTokens(text);

    expect(result.tokens).toEqual([A, B]);
    expect(result.ignoredLines).toEqual([
      { lineNumber: 1, snippet: 'header line', reason: 'no link token' },
      {
        lineNumber: 5,
        snippet: 'public-sandbox-••••••',
        reason: 'other Plaid token',
      },
    ]);
  });

  it('never echoes an access_token or a public token in a snippet', () => {
    const result = extractTokens('oops access-production-55555555-5555-4555-8555-555555555555 pasted');
    expect(result.ignoredLines[0]).toEqual({
      lineNumber: 1,
      snippet: 'oops access-production-•••••• pasted',
      reason: 'other Plaid token',
    });
  });

  it('shortens long ignored lines to a snippet', () => {
    const result = extractTokens('x'.repeat(300));
    expect(result.ignoredLines[0]!.snippet).toHaveLength(80);
    expect(result.ignoredLines[0]!.snippet.endsWith('…')).toBe(true);
  });

  it('does not cut a token out of a longer identifier', () => {
    const result = extractTokens(`x${A}\n${A}0\nblink-sandbox-11111111-1111-4111-8111-111111111111`);
    expect(result.tokens).toEqual([]);
    expect(result.ignoredLines.map((line) => line.lineNumber)).toEqual([1, 2, 3]);
  });

  it('keeps only the first 500 unique tokens and counts the rest', () => {
    const text = Array.from({ length: 520 }, (_, n) => tokenNumber(n)).join(', ') + `, ${tokenNumber(3)}`;
    const result = extractTokens(text);

    expect(result.tokens).toHaveLength(MAX_BATCH_TOKENS);
    expect(result.tokens[0]).toBe(tokenNumber(0));
    expect(result.tokens[499]).toBe(tokenNumber(499));
    expect(result.overLimitCount).toBe(20);
    expect(result.foundCount).toBe(521);
    expect(result.duplicateCount).toBe(1);
  });

  it('returns an empty extraction for empty text', () => {
    expect(extractTokens('')).toEqual({
      tokens: [],
      foundCount: 0,
      duplicateCount: 0,
      overLimitCount: 0,
      ignoredLines: [],
      ignoredLineCount: 0,
    });
  });

  it('lists only the first few dozen ignored lines of a huge paste and counts them all', () => {
    const noise = Array.from({ length: 200_000 }, (_, n) => `noise ${n}`);
    const result = extractTokens(
      [...noise, A, 'access-sandbox-55555555-5555-4555-8555-555555555555'].join('\n'),
    );

    expect(result.tokens).toEqual([A]);
    expect(result.ignoredLines).toHaveLength(MAX_LISTED_IGNORED_LINES);
    expect(result.ignoredLines[0]).toEqual({ lineNumber: 1, snippet: 'noise 0', reason: 'no link token' });
    expect(result.ignoredLines.at(-1)!.lineNumber).toBe(MAX_LISTED_IGNORED_LINES);
    expect(result.ignoredLineCount).toBe(200_001);
  });
});
