import { formatDuration, formatUtc, parseDate } from '../domain/format-time';

// How the diagnosis's sentences name a moment: on the page, relative to the lookup the reader has
// just made ("49 min ago"); in a ticket, read later and elsewhere, as a date and time with its time
// zone.
export type TimeWords = 'relative' | 'absolute';

// After a verb: " 49 min 47 s ago", " just now" or " on 2 Mar 2026, 14:10:13 UTC"; '' when the
// moment is not known.
export function sincePhrase(at: string | null | undefined, now: number, words: TimeWords): string {
  const date = parseDate(at);
  if (!date) return '';
  if (words === 'absolute') return ` on ${formatUtc(date)}`;
  const ms = now - date.getTime();
  return ms < 1000 ? ' just now' : ` ${formatDuration(ms)} ago`;
}

// How long a token still lasts: " for 3 h 55 min" or " until 2 Mar 2026, 18:55:00 UTC".
export function untilPhrase(at: string | null | undefined, now: number, words: TimeWords): string {
  const date = parseDate(at);
  if (!date) return '';
  return words === 'absolute' ? ` until ${formatUtc(date)}` : ` for ${formatDuration(date.getTime() - now)}`;
}
