import type { Extraction } from '../../../../shared/extract-tokens';
import { MAX_BATCH_TOKENS } from '../../../../shared/extract-tokens';
import { Notice } from '../../../components/Notice';
import styles from './batch.module.css';

// Past this many, the list of ignored lines stops helping and starts hiding the summary.
const MAX_LISTED_LINES = 50;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// What the extraction made of the pasted text, before anything is looked up.
export function ExtractionSummary({ extraction, id }: { extraction: Extraction; id: string }) {
  const { tokens, foundCount, duplicateCount, overLimitCount, ignoredLines } = extraction;
  const uniqueCount = tokens.length + overLimitCount;
  const listed = ignoredLines.slice(0, MAX_LISTED_LINES);

  return (
    <div id={id} className={styles.summary}>
      <p role="status">
        {foundCount === 0
          ? 'No link tokens found yet.'
          : `${plural(uniqueCount, 'unique link token', 'unique link tokens')} found` +
            (duplicateCount > 0 ? ` (${plural(duplicateCount, 'duplicate', 'duplicates')} removed).` : '.')}
      </p>
      {overLimitCount > 0 && (
        <Notice tone="warning" strong className={styles.limit}>
          {`Only the first ${MAX_BATCH_TOKENS} tokens will be looked up; ` +
            `${overLimitCount === 1 ? '1 more is' : `${overLimitCount} more are`} left out. Run them as a second batch.`}
        </Notice>
      )}
      {ignoredLines.length > 0 && (
        <details className={styles.ignored}>
          <summary>{plural(ignoredLines.length, 'line', 'lines')} without a link token ignored</summary>
          <ul>
            {listed.map((line) => (
              <li key={line.lineNumber}>
                Line {line.lineNumber}: <code>{line.snippet}</code>
                {line.reason === 'other Plaid token' &&
                  ' — a different kind of Plaid token, not a link_token'}
              </li>
            ))}
          </ul>
          {ignoredLines.length > listed.length && <p>…and {ignoredLines.length - listed.length} more.</p>}
        </details>
      )}
    </div>
  );
}
