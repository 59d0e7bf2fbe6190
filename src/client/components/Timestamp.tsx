import { formatInZone, formatTimeOfDay, parseDate } from '../../shared/domain/format-time';
import text from './text.module.css';
import { useTimeZone } from './time-zone';

// A point in time in the chosen zone, with the other zone on hover. `timeOnly` is for timeline
// rows: the date is already in the session's heading, and the full date is on hover.
export function Timestamp({
  value,
  empty = 'not set',
  timeOnly = false,
}: {
  value: string | null | undefined;
  empty?: string;
  timeOnly?: boolean;
}) {
  const { mode } = useTimeZone();
  if (value === null || value === undefined) return <span className={text.empty}>{empty}</span>;
  const date = parseDate(value);
  // Show what Plaid sent rather than hide a date we cannot read.
  if (!date) return <span>{value}</span>;
  const other = formatInZone(date, mode === 'utc' ? 'local' : 'utc');
  if (timeOnly) {
    return (
      <time dateTime={value} title={`${formatInZone(date, mode)} · ${other}`}>
        {formatTimeOfDay(date, mode)}
      </time>
    );
  }
  return (
    <time dateTime={value} title={other}>
      {formatInZone(date, mode)}
    </time>
  );
}
