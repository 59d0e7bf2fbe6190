import { Button } from '../../../components/Button';
import { ButtonList, ButtonListItem } from '../../../components/ButtonList';
import { Card } from '../../../components/Card';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import { LOOKUP_FAILED, TOKEN_STATUS_TONES } from '../../../../shared/domain/status-tone';
import { TOKEN_STATUS_LABELS } from '../../../../shared/domain/token-status';
import type { RecentLookup } from '../lib/recent-lookups-store';
import styles from './RecentLookups.module.css';

// The same words and tones as the answer and the batch table.
function statusOf(lookup: RecentLookup) {
  if (lookup.status === 'failed') return LOOKUP_FAILED;
  return { label: TOKEN_STATUS_LABELS[lookup.status], tone: TOKEN_STATUS_TONES[lookup.status] };
}

type RecentLookupsProps = {
  lookups: readonly RecentLookup[];
  onRerun: (linkToken: string) => void;
  onClear: () => void;
};

export function RecentLookups({ lookups, onRerun, onClear }: RecentLookupsProps) {
  const clear = lookups.length > 0 && (
    <Button variant="quiet" size="small" onClick={onClear}>
      Clear
    </Button>
  );
  return (
    <Card title="Recent lookups" actions={clear}>
      {lookups.length === 0 ? (
        <p className={text.hint}>Lookups you make appear here (tokens only, never credentials).</p>
      ) : (
        <ButtonList>
          {lookups.map((lookup) => {
            const status = statusOf(lookup);
            return (
              <ButtonListItem
                key={lookup.linkToken}
                onClick={() => onRerun(lookup.linkToken)}
                aria-label={`Re-run ${lookup.linkToken} (last: ${status.label}, ${lookup.detail})`}
              >
                <code className={styles.token}>{lookup.linkToken}</code>
                <span className={styles.meta}>
                  <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                  <span>{lookup.detail}</span>
                  <Timestamp value={lookup.lookedUpAt} />
                </span>
              </ButtonListItem>
            );
          })}
        </ButtonList>
      )}
    </Card>
  );
}
