import type { KeptSession } from '../../../../shared/schemas/kept';
import { Timestamp } from '../../../components/Timestamp';
import text from '../../../components/text.module.css';

const SOURCE_WORDS: Record<KeptSession['source'], string> = {
  lookup: 'a lookup',
  recording: 'a recording',
  webhook: 'a webhook',
};

// Where a kept session came from and when it was last seen: it is the inspector's copy, not Plaid's
// answer now.
export function KeptLabel({ kept }: { kept: KeptSession }) {
  return (
    <span className={text.muted}>
      Kept from {SOURCE_WORDS[kept.source]} by {kept.seen_by} at <Timestamp value={kept.seen_at} />
    </span>
  );
}
