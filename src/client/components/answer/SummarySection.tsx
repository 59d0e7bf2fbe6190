import type { ServerTiming } from '../../api/server-timing';
import { tokenEnvironment } from '../../../shared/link-token';
import type { LinkTokenGetResponse } from '../../../shared/schemas/link-token-get-response';
import { extraFields } from '../../lib/extra-fields';
import {
  SESSION_OUTCOME_LABELS,
  sessionOutcome,
  type SessionOutcome,
} from '../../../shared/domain/session-outcome';
import { tokenLifetime } from '../../../shared/domain/token-lifetime';
import { Button } from '../Button';
import { Card } from '../Card';
import { CopyButton } from '../CopyButton';
import { Field, FieldList } from '../Field';
import { ExtraFields } from '../KeyValueView';
import { LiveTokenStatus } from './LiveTokenStatus';
import styles from './SummarySection.module.css';
import text from '../text.module.css';
import { useTimeZone } from '../time-zone';
import { Timestamp } from '../Timestamp';

const TOP_LEVEL_KEYS = [
  'link_token',
  'created_at',
  'expiration',
  'link_sessions',
  'metadata',
  'user_id',
  'request_id',
];

function formatTiming(timing: ServerTiming): string {
  const parts: string[] = [];
  if (timing.upstreamMs !== null) parts.push(`Plaid ${Math.round(timing.upstreamMs)} ms`);
  if (timing.proxyMs !== null) parts.push(`proxy ${Math.round(timing.proxyMs)} ms`);
  return parts.join(' · ');
}

function sessionCounts(data: LinkTokenGetResponse): string {
  const sessions = data.link_sessions ?? [];
  if (sessions.length === 0) return 'none';
  const counts = new Map<SessionOutcome, number>();
  for (const session of sessions) {
    const outcome = sessionOutcome(session);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  const detail = [...counts].map(
    ([outcome, count]) => `${count} ${SESSION_OUTCOME_LABELS[outcome].toLowerCase()}`,
  );
  return `${sessions.length} (${detail.join(', ')})`;
}

export function SummarySection({
  data,
  timing,
}: {
  data: LinkTokenGetResponse;
  timing: ServerTiming | null;
}) {
  const timeZone = useTimeZone();
  const lifetime = tokenLifetime(data.created_at, data.expiration);
  const actions = (
    <>
      <CopyButton
        label="Copy for a ticket: a plain-text summary of this lookup"
        caption="Copy for a ticket"
        // The ticket text carries the whole diagnosis's wording: loaded on the first copy, it
        // keeps the entry chunk within its size budget.
        getText={async () => {
          const { supportSummary } = await import('../../../shared/domain/support-summary');
          return supportSummary(data, Date.now());
        }}
      />
      <div className={styles.toggle} role="group" aria-label="Show times in">
        {(['local', 'utc'] as const).map((mode) => (
          <Button
            key={mode}
            size="small"
            aria-pressed={timeZone.mode === mode}
            onClick={() => timeZone.setMode(mode)}
          >
            {mode === 'local' ? 'Local time' : 'UTC'}
          </Button>
        ))}
      </div>
    </>
  );
  return (
    <Card title="Summary" titleLevel={3} actions={actions}>
      <FieldList>
        <LiveTokenStatus expiration={data.expiration} />
        <Field label="Environment">{tokenEnvironment(data.link_token) ?? 'unknown'}</Field>
        <Field label="Created">
          <Timestamp value={data.created_at} empty="not given by Plaid" />
        </Field>
        <Field label="Expires">
          <Timestamp value={data.expiration} empty="not given by Plaid" />
        </Field>
        {lifetime && (
          <Field label="Lifetime">
            {lifetime.text}
            <span className={text.muted}> · {lifetime.meaning}</span>
          </Field>
        )}
        <Field label="Client name">
          {data.metadata.client_name ?? <span className={text.empty}>not set</span>}
        </Field>
        <Field label="Link sessions">{sessionCounts(data)}</Field>
        {data.user_id !== undefined && (
          <Field label="User ID">
            <code>{data.user_id}</code>
          </Field>
        )}
        <Field label="Link token" copy={{ label: 'Copy link token', text: data.link_token }}>
          <code className={text.break}>{data.link_token}</code>
        </Field>
        <Field label="Request ID" copy={{ label: 'Copy request ID', text: data.request_id }}>
          <code>{data.request_id}</code>
        </Field>
        {timing && <Field label="Timings">{formatTiming(timing)}</Field>}
      </FieldList>
      <ExtraFields entries={extraFields(data, TOP_LEVEL_KEYS)} />
    </Card>
  );
}
