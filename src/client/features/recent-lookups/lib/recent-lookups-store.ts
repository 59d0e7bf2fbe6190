import { z } from 'zod';

// The last lookups, kept in localStorage so they survive a reload. Only the token, a one-word
// outcome and the time are kept: link tokens are short-lived identifiers, not secrets, while
// credentials are secrets and must never reach storage — so the entry type has no place for them.
export const RecentLookupSchema = z.object({
  linkToken: z.string(),
  outcome: z.string(),
  failed: z.boolean(),
  lookedUpAt: z.iso.datetime(),
});
export type RecentLookup = z.infer<typeof RecentLookupSchema>;

export const RECENT_LOOKUPS_KEY = 'link-token-inspector.recent-lookups';
export const MAX_RECENT_LOOKUPS = 10;

export function loadRecentLookups(storage: Storage): RecentLookup[] {
  try {
    const parsed = z
      .array(RecentLookupSchema)
      .safeParse(JSON.parse(storage.getItem(RECENT_LOOKUPS_KEY) ?? '[]'));
    // Anything unreadable (an older format, a hand edit) is dropped rather than breaking the page.
    return parsed.success ? parsed.data.slice(0, MAX_RECENT_LOOKUPS) : [];
  } catch {
    return [];
  }
}

// Newest first; looking a token up again moves it to the top instead of listing it twice.
export function addRecentLookup(list: readonly RecentLookup[], entry: RecentLookup): RecentLookup[] {
  return [entry, ...list.filter((item) => item.linkToken !== entry.linkToken)].slice(0, MAX_RECENT_LOOKUPS);
}

export function saveRecentLookups(storage: Storage, list: readonly RecentLookup[]): void {
  try {
    // Copy field by field so that nothing but these four fields can ever be written.
    const entries = list.map(({ linkToken, outcome, failed, lookedUpAt }) => ({
      linkToken,
      outcome,
      failed,
      lookedUpAt,
    }));
    storage.setItem(RECENT_LOOKUPS_KEY, JSON.stringify(entries));
  } catch {
    // Storage full or disabled (private mode): the list simply does not survive a reload.
  }
}
