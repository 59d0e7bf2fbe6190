// Plaid writes timestamps as RFC 3339 in UTC without fractions ("2024-07-29T20:22:21Z").
export function plaidTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

export const HOUR = 3600;
export const MINUTE = 60;
