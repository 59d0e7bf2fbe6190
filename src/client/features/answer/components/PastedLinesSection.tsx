import { Card } from '../../../components/Card';
import text from '../../../components/text.module.css';
import { lineRange, type ClientLogs, type UsedEntry } from '../../../../shared/client-logs';
import styles from './PastedLinesSection.module.css';

function entryName(entry: UsedEntry): string {
  const { record } = entry;
  return record.kind === 'event' ? `${entry.shape} ${record.event.event_name}` : entry.shape;
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

// Which pasted lines the answer rests on and which it could not read, each with its line numbers:
// nothing pasted is dropped without a word.
export function PastedLinesSection({ logs }: { logs: ClientLogs }) {
  const { used, unread } = logs;
  return (
    <Card title="Pasted lines" titleLevel={3}>
      <p className={text.muted}>
        Read {used.length} {used.length === 1 ? 'entry' : 'entries'}
        {unread.length > 0
          ? `; could not read ${unread.length} ${unread.length === 1 ? 'line or block' : 'lines or blocks'}.`
          : '; every other line was blank.'}
      </p>
      {unread.length > 0 && (
        <>
          <h4 className={styles.heading}>Not read</h4>
          <ul className={styles.list}>
            {unread.map((lines) => (
              <li key={lines.firstLine} className={styles.item}>
                <span className={styles.lines}>
                  {capitalised(lineRange(lines.firstLine, lines.lastLine))}
                </span>{' '}
                <span>{lines.reason}:</span> <code className={styles.snippet}>{lines.snippet}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {used.length > 0 && (
        <details className={styles.details} open={used.length <= 12}>
          <summary>Read ({used.length})</summary>
          <ul className={styles.list}>
            {used.map((entry, index) => (
              <li key={`${entry.firstLine}-${index}`} className={styles.item}>
                <span className={styles.lines}>
                  {capitalised(lineRange(entry.firstLine, entry.lastLine))}
                </span>{' '}
                <span>{entryName(entry)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
