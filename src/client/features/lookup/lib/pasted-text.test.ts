import { describe, expect, it } from 'vitest';
import { readPastedText } from './pasted-text';

const TOKEN = 'link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const OTHER = 'link-production-ffffffff-ffff-4fff-bfff-ffffffffffff';

describe('readPastedText', () => {
  it.each([
    ['a bare token', TOKEN],
    ['a token with spaces around it', `  ${TOKEN}\n`],
    ['text without a link token', 'hello world'],
    ['another kind of token', 'public-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'],
  ])('pastes %s as it is', (_name, text) => {
    expect(readPastedText(text)).toEqual({ kind: 'as-is' });
  });

  it.each([
    ['a quoted JSON value', `"${TOKEN}",`],
    ['a JSON object', `{"link_token": "${TOKEN}", "expiration": "2026-11-30T12:00:00Z"}`],
    ['a log line', `2026-11-30T11:02:03Z INFO link/token/create ok link_token=${TOKEN} request_id=abc`],
    ['a URL', `https://inspector.example.com/?link_token=${TOKEN}&x=1`],
    ['the same token twice', `${TOKEN} ${TOKEN.toUpperCase()}`],
  ])('takes the one token out of %s', (_name, text) => {
    expect(readPastedText(text)).toEqual({ kind: 'one-token', token: TOKEN });
  });

  it('lists every token of a text that holds several', () => {
    expect(readPastedText(`${TOKEN}\n${OTHER}\n`)).toEqual({
      kind: 'several-tokens',
      tokens: [TOKEN, OTHER],
    });
  });
});
