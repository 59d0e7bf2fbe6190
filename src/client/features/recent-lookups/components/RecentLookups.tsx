import { Button } from '../../../components/Button';
import { ButtonList, ButtonListItem } from '../../../components/ButtonList';
import { Card } from '../../../components/Card';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import { VERDICT_LABELS } from '../../../../shared/diagnosis/verdict';
import type { RecentLookup } from '../lib/recent-lookups-store';
import styles from './RecentLookups.module.css';

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
            // The verdict in the words and tone of the answer's Verdict block.
            const verdict = lookup.verdict ? VERDICT_LABELS[lookup.verdict] : null;
            const last = [verdict ?? 'no verdict kept', lookup.detail].filter(Boolean).join(', ');
            return (
              <ButtonListItem
                key={lookup.linkToken}
                onClick={() => onRerun(lookup.linkToken)}
                aria-label={`Re-run ${lookup.linkToken} (last: ${last})`}
              >
                <code className={styles.token}>{lookup.linkToken}</code>
                <span className={styles.meta}>
                  {verdict ? (
                    <StatusBadge tone={lookup.tone}>{verdict}</StatusBadge>
                  ) : (
                    <span className={text.hint}>looked up before verdicts; re-run for one</span>
                  )}
                  {lookup.detail && <span>{lookup.detail}</span>}
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
