import { formatInZone, parseDate } from '../helpers/format-time';
import { useTimeZoneMode } from './time-zone-context';

// A point in time in the chosen zone, with the other zone on hover.
export function Timestamp({
  value,
  empty = 'not set',
}: {
  value: string | null | undefined;
  empty?: string;
}) {
  const mode = useTimeZoneMode();
  if (value === null || value === undefined) return <span className="sp-empty">{empty}</span>;
  const date = parseDate(value);
  // Show what Plaid sent rather than hide a date we cannot read.
  if (!date) return <span>{value}</span>;
  return (
    <time dateTime={value} title={formatInZone(date, mode === 'utc' ? 'local' : 'utc')}>
      {formatInZone(date, mode)}
    </time>
  );
}
