import { format, intervalToDuration } from 'date-fns';

// Every time in the panel is shown either in the browser's time zone or in UTC (the user's
// toggle); the other one is always available on hover.
export type TimeZoneMode = 'local' | 'utc';

const UTC_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const UTC_TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function formatLocal(date: Date): string {
  // "O" names the offset (GMT+2) so a screenshot pasted into a ticket is unambiguous.
  return format(date, 'd MMM yyyy, HH:mm:ss (O)');
}

export function formatUtc(date: Date): string {
  return `${UTC_FORMAT.format(date)} UTC`;
}

export function formatInZone(date: Date, mode: TimeZoneMode): string {
  return mode === 'utc' ? formatUtc(date) : formatLocal(date);
}

// The time of day only, for timeline rows whose date is already in the session's heading.
export function formatTimeOfDay(date: Date, mode: TimeZoneMode): string {
  return mode === 'utc' ? `${UTC_TIME_FORMAT.format(date)} UTC` : format(date, 'HH:mm:ss');
}

// Dates come from Plaid as RFC 3339 strings (sometimes with nanoseconds); null when unparseable.
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Milliseconds from a timestamp to `now` (epoch ms); null when the timestamp does not parse.
export function msSince(value: string | null | undefined, now: number): number | null {
  const date = parseDate(value);
  return date === null ? null : now - date.getTime();
}

// "3 h 59 min 12 s", "2 d 4 h", "45 s": compact, largest units first, at most `units` parts.
export function formatDuration(ms: number, units = 2): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(abs)} ms`;
  const d = intervalToDuration({ start: 0, end: abs });
  const parts: Array<[number | undefined, string]> = [
    [d.years, 'y'],
    [d.months, 'mo'],
    [d.days, 'd'],
    [d.hours, 'h'],
    [d.minutes, 'min'],
    [d.seconds, 's'],
  ];
  const firstNonZero = parts.findIndex(([value]) => (value ?? 0) > 0);
  return parts
    .slice(firstNonZero, firstNonZero + units)
    .filter(([value]) => (value ?? 0) > 0)
    .map(([value, unit]) => `${value} ${unit}`)
    .join(' ');
}
