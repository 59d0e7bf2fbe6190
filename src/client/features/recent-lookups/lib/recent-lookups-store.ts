import { z } from 'zod';
import { VERDICTS, type LookupVerdict } from '../../../../shared/diagnosis/verdict';
import { LOOKUP_FAILED as LOOKUP_FAILED_LOOK, type StatusTone } from '../../../../shared/domain/status-tone';

const LOOKUP_FAILED: LookupVerdict = 'lookup failed';
const TONES = [
  'success',
  'failure',
  'fault',
  'warning',
  'pending',
  'neutral',
] as const satisfies readonly StatusTone[];

// The last lookups, kept in localStorage so they survive a reload. Only the token, its verdict,
// a few words of detail and the time are kept: link tokens are short-lived identifiers, not
// secrets, while credentials are secrets and must never reach storage — so the entry type has no
// place for them.
export const RecentLookupSchema = z.object({
  linkToken: z.string(),
  // The lookup's verdict, as its answer showed it; null for entries kept before verdicts were.
  verdict: z.enum([...VERDICTS, LOOKUP_FAILED]).nullable(),
  // The verdict's tone (a failed lookup worth retrying is a warning, one that is not a fault).
  tone: z.enum(TONES),
  // "Tartan Bank · ITEM_LOGIN_REQUIRED", "no sessions", or the error code of a failed lookup.
  detail: z.string(),
  lookedUpAt: z.iso.datetime(),
});
export type RecentLookup = z.infer<typeof RecentLookupSchema>;

// Entries written before verdicts were kept, with the token's status ("active", …) or "failed":
// a failure is still a failed lookup; for the others there is no verdict to show.
function withoutVerdict(
  linkToken: string,
  failed: boolean,
  detail: string,
  lookedUpAt: string,
): RecentLookup {
  return failed
    ? { linkToken, verdict: LOOKUP_FAILED, tone: LOOKUP_FAILED_LOOK.tone, detail, lookedUpAt }
    : { linkToken, verdict: null, tone: 'neutral', detail, lookedUpAt };
}

const StatusRecentLookupSchema = z
  .object({
    linkToken: z.string(),
    status: z.enum(['active', 'expired', 'unknown', 'failed']),
    detail: z.string(),
    lookedUpAt: z.iso.datetime(),
  })
  .transform(({ linkToken, status, detail, lookedUpAt }) =>
    withoutVerdict(linkToken, status === 'failed', detail, lookedUpAt),
  );

// Still older entries kept status and detail in one string: "Active, 1 session", or an error
// code with a failed flag.
const OutcomeRecentLookupSchema = z
  .object({ linkToken: z.string(), outcome: z.string(), failed: z.boolean(), lookedUpAt: z.iso.datetime() })
  .transform(({ linkToken, outcome, failed, lookedUpAt }) =>
    withoutVerdict(linkToken, failed, failed ? outcome : outcome.split(', ').slice(1).join(', '), lookedUpAt),
  );

export const RECENT_LOOKUPS_KEY = 'link-token-inspector.recent-lookups';
export const MAX_RECENT_LOOKUPS = 10;

export function loadRecentLookups(storage: Storage): RecentLookup[] {
  try {
    const parsed = z
      .array(z.union([RecentLookupSchema, StatusRecentLookupSchema, OutcomeRecentLookupSchema]))
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
    // Copy field by field so that nothing but these five fields can ever be written.
    const entries = list.map(({ linkToken, verdict, tone, detail, lookedUpAt }) => ({
      linkToken,
      verdict,
      tone,
      detail,
      lookedUpAt,
    }));
    storage.setItem(RECENT_LOOKUPS_KEY, JSON.stringify(entries));
  } catch {
    // Storage full or disabled (private mode): the list simply does not survive a reload.
  }
}
