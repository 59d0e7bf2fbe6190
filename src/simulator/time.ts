// Plaid writes event timestamps and created_at / expiration as RFC 3339 in UTC without fractions
// ("2024-07-29T20:22:21Z"), and session started_at / finished_at with nanoseconds
// ("2024-07-29T20:22:36.522196741Z"); the fixtures copy both styles.
export function plaidTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function plaidPreciseTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

export const MINUTE = 60;
export const HOUR = 3600;
