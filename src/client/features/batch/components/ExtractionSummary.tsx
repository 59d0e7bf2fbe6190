import type { Extraction } from '../../../../shared/extract-tokens';
import { MAX_BATCH_TOKENS } from '../../../../shared/extract-tokens';
import { Notice } from '../../../components/Notice';
import styles from './batch.module.css';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// What the extraction made of the pasted text, before anything is looked up. `reading`: a long
// text is still being read (off the main thread); what it holds is not known yet.
export function ExtractionSummary({
  extraction,
  reading,
  id,
}: {
  extraction: Extraction;
  reading: boolean;
  id: string;
}) {
  if (reading) {
    return (
      <div id={id} className={styles.summary}>
        <p role="status">Reading the text…</p>
      </div>
    );
  }
  const { tokens, foundCount, duplicateCount, overLimitCount, ignoredLines, ignoredLineCount } = extraction;
  const uniqueCount = tokens.length + overLimitCount;

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
      {ignoredLineCount > 0 && (
        <details className={styles.ignored}>
          <summary>{plural(ignoredLineCount, 'line', 'lines')} without a link token ignored</summary>
          <ul>
            {ignoredLines.map((line) => (
              <li key={line.lineNumber}>
                Line {line.lineNumber}: <code>{line.snippet}</code>
                {line.reason === 'other Plaid token' &&
                  ' — a different kind of Plaid token, not a link_token'}
              </li>
            ))}
          </ul>
          {ignoredLineCount > ignoredLines.length && (
            <p>…and {ignoredLineCount - ignoredLines.length} more.</p>
          )}
        </details>
      )}
    </div>
  );
}
