import { VERDICTS_WORST_FIRST } from '../../../../shared/diagnosis/breakdown-rules';
import {
  VERDICT_LABELS,
  VERDICT_TONES,
  type LookupVerdict,
  type Verdict,
} from '../../../../shared/diagnosis';
import { LOOKUP_FAILED, type StatusTone } from '../../../../shared/domain/status-tone';

// The verdict a batch row shows: the diagnosis's own words for a token Plaid answered, "Lookup
// failed" when the lookup itself failed, and three of the batch's own for tokens without an answer
// ("not kept": after a reload, the store held no answer for it).
export type RowVerdict = Verdict | LookupVerdict | 'pending' | 'cancelled' | 'not kept';

// Worst first, as History counts (shared/diagnosis/breakdown-rules.ts), then the batch's own: the
// order of the breakdown, the bar and sorting by verdict.
export const ROW_VERDICTS: readonly RowVerdict[] = [
  ...VERDICTS_WORST_FIRST,
  'pending',
  'cancelled',
  'not kept',
];

export const ROW_VERDICT_LABELS: Readonly<Record<RowVerdict, string>> = {
  ...VERDICT_LABELS,
  pending: 'Pending',
  cancelled: 'Cancelled',
  'not kept': 'Not kept',
};

// A failed lookup has the error panel's tone, so the row, the bar and the details agree. A token
// not looked up yet is grey, as one never opened: nothing is known of it. The blue of "pending"
// tones means a Link session under way ("In progress"), which a pending row is not.
export const ROW_VERDICT_TONES: Readonly<Record<RowVerdict, StatusTone>> = {
  ...VERDICT_TONES,
  'lookup failed': LOOKUP_FAILED.tone,
  pending: 'neutral',
  cancelled: 'neutral',
  'not kept': 'neutral',
};
