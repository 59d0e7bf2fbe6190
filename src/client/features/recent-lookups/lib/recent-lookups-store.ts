import { z } from 'zod';
import { TOKEN_STATUS_LABELS } from '../../../../shared/domain/token-status';

// The last lookups, kept in localStorage so they survive a reload. Only the token, its status, a
// few words of detail and the time are kept: link tokens are short-lived identifiers, not
// secrets, while credentials are secrets and must never reach storage — so the entry type has no
// place for them.
export const RecentLookupSchema = z.object({
  linkToken: z.string(),
  // The token's status when the answer arrived, or "failed" for a lookup that ended in an error.
  status: z.enum(['active', 'expired', 'unknown', 'failed']),
  // "2 sessions", or the error code of a failed lookup.
  detail: z.string(),
  lookedUpAt: z.iso.datetime(),
});
export type RecentLookup = z.infer<typeof RecentLookupSchema>;

// Entries written before status and detail were kept apart: outcome "Active, 1 session" or an
// error code, with a failed flag.
const LegacyRecentLookupSchema = z
  .object({ linkToken: z.string(), outcome: z.string(), failed: z.boolean(), lookedUpAt: z.iso.datetime() })
  .transform(({ linkToken, outcome, failed, lookedUpAt }): RecentLookup => {
    if (failed) return { linkToken, status: 'failed', detail: outcome, lookedUpAt };
    const [label, ...rest] = outcome.split(', ');
    const kinds = Object.keys(TOKEN_STATUS_LABELS) as Array<keyof typeof TOKEN_STATUS_LABELS>;
    const status = kinds.find((kind) => TOKEN_STATUS_LABELS[kind] === label) ?? 'unknown';
    return { linkToken, status, detail: rest.join(', '), lookedUpAt };
  });

export const RECENT_LOOKUPS_KEY = 'link-token-inspector.recent-lookups';
export const MAX_RECENT_LOOKUPS = 10;

export function loadRecentLookups(storage: Storage): RecentLookup[] {
  try {
    const parsed = z
      .array(z.union([RecentLookupSchema, LegacyRecentLookupSchema]))
      .safeParse(JSON.parse(storage.getItem(RECENT_LOOKUPS_KEY) ?? '[]'));
    // Anything unreadable (a hand edit, a format this version does not know) is dropped rather
    // than breaking the page.
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
    const entries = list.map(({ linkToken, status, detail, lookedUpAt }) => ({
      linkToken,
      status,
      detail,
      lookedUpAt,
    }));
    storage.setItem(RECENT_LOOKUPS_KEY, JSON.stringify(entries));
  } catch {
    // Storage full or disabled (private mode): the list simply does not survive a reload.
  }
}
