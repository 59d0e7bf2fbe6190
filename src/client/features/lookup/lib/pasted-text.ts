import { extractTokens } from '../../../../shared/extract-tokens';
import { checkLinkToken } from '../../../../shared/link-token';

// What a paste into the token field holds. People paste what they have: a quoted JSON value, a log
// line, a URL with ?link_token=, a whole list. The tokens are found exactly as Batch finds them.
export type PastedText =
  // A token on its own, or text without any link token: pasted as it is (the field says what is
  // wrong with it, if anything).
  { kind: 'as-is' } | { kind: 'one-token'; token: string } | { kind: 'several-tokens'; tokens: string[] };

export function readPastedText(text: string): PastedText {
  if (checkLinkToken(text).ok) return { kind: 'as-is' };
  const { tokens } = extractTokens(text);
  if (tokens.length === 0) return { kind: 'as-is' };
  if (tokens.length === 1) return { kind: 'one-token', token: tokens[0]! };
  return { kind: 'several-tokens', tokens };
}
