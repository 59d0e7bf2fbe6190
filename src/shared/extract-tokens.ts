import { maskSecrets } from './pasted-text/mask-secrets';
import { snippetOf } from './pasted-text/text-lines';

// Finds every link_token in whatever text the user pasted or dropped (a log excerpt, a CSV, a JSON
// dump, a support ticket) and says what it did with the rest, so nobody has to clean a list by hand.
// Batch reads its input with it, and the lookup field a paste: both find the same tokens. Pure and
// synchronous, about a second for 5 MB of a million short lines: callers with text that long run
// it off the main thread (src/client/lib/extract-off-thread.ts, hooks/use-token-extraction.ts).

export const MAX_BATCH_TOKENS = 500;

// Long inputs are mostly noise; listing every ignored line would bury the summary, and keeping a
// million of them would freeze the page: the first few dozen are listed, the rest only counted.
export const MAX_LISTED_IGNORED_LINES = 50;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// The look-arounds keep a token from being cut out of a longer identifier (e.g. "xlink-…" or a UUID
// followed by more hex digits). Exported for readers that need more of the text than the tokens
// (batch's source columns and occurrence counts).
export const LINK_TOKEN = new RegExp(
  `(?<![A-Za-z0-9_-])link-(?:sandbox|production|development)-${UUID}(?![0-9A-Za-z_-])`,
  'gi',
);
const OTHER_TOKEN = new RegExp(
  `(?:public|access|asset-report)-(?:sandbox|production|development)-${UUID}`,
  'i',
);

export type IgnoredLine = {
  lineNumber: number;
  snippet: string;
  reason: 'no link token' | 'other Plaid token';
};

export type Extraction = {
  // Unique tokens, lower-cased, in the order they first appear, at most MAX_BATCH_TOKENS.
  tokens: string[];
  // Every match, duplicates included.
  foundCount: number;
  duplicateCount: number;
  // Unique tokens left out because they come after the first MAX_BATCH_TOKENS.
  overLimitCount: number;
  // The first MAX_LISTED_IGNORED_LINES non-blank lines without a link token.
  ignoredLines: IgnoredLine[];
  // All of them, listed or not.
  ignoredLineCount: number;
};

export function extractTokens(text: string): Extraction {
  const unique = new Set<string>();
  let foundCount = 0;
  const ignoredLines: IgnoredLine[] = [];
  let ignoredLineCount = 0;

  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const matches = line.match(LINK_TOKEN) ?? [];
    foundCount += matches.length;
    // Plaid issues UUIDs in lower case; folding case makes "LINK-SANDBOX-ABC…" the same token.
    for (const match of matches) unique.add(match.toLowerCase());
    if (matches.length > 0 || line.trim() === '') return;
    ignoredLineCount += 1;
    if (ignoredLines.length < MAX_LISTED_IGNORED_LINES) {
      ignoredLines.push({
        lineNumber: index + 1,
        // Masked as pasted logs are (public and access tokens, secrets), before it is cut short, so
        // no token is ever shown, in full or in part.
        snippet: snippetOf(maskSecrets(line).text),
        reason: OTHER_TOKEN.test(line) ? 'other Plaid token' : 'no link token',
      });
    }
  });

  const all = [...unique];
  return {
    tokens: all.slice(0, MAX_BATCH_TOKENS),
    foundCount,
    duplicateCount: foundCount - unique.size,
    overLimitCount: Math.max(0, all.length - MAX_BATCH_TOKENS),
    ignoredLines,
    ignoredLineCount,
  };
}
