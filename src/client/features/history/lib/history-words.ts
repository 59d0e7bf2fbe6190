import { VERDICT_LABELS, VERDICT_TONES, type Verdict } from '../../../../shared/diagnosis';
import type { StatusTone } from '../../../../shared/domain/status-tone';
import type { HistoryFacet, KeptSourceName } from '../../../../shared/history/history-api';

// History's words, the same as everywhere else in the app: verdicts in the diagnosis's words and
// tones, and where each kept answer came from.

export const SOURCE_LABELS: Readonly<Record<KeptSourceName, string>> = {
  lookup: 'Lookup',
  recording: 'Recording',
  webhook: 'Webhook',
};

export const FACET_LABELS: Readonly<Record<HistoryFacet, string>> = {
  verdict: 'Verdict',
  error_code: 'Error code',
  institution: 'Institution',
  exit_status: 'Exit status',
};

function isVerdict(value: string): value is Verdict {
  return value in VERDICT_TONES;
}

// A value the server sends that this page does not know (newer rules) is shown as it came.
export function verdictLabel(value: string): string {
  return isVerdict(value) ? VERDICT_LABELS[value] : value;
}

export function verdictTone(value: string): StatusTone {
  return isVerdict(value) ? VERDICT_TONES[value] : 'neutral';
}
