import type { ServerTiming } from '../../../api/server-timing';
import { tokenEnvironment } from '../../../../shared/link-token';
import type { LinkTokenGetResponse } from '../../../../shared/schemas/link-token-get-response';
import { extraFields } from '../lib/extra-fields';
import { VERDICT_LABELS, type SessionDiagnosis, type SessionVerdict } from '../../../../shared/diagnosis';
import { tokenLifetime } from '../../../../shared/domain/token-lifetime';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Field, FieldList } from '../../../components/Field';
import { ExtraFields } from '../../../components/KeyValueView';
import { LiveTokenStatus } from './LiveTokenStatus';
import styles from './SummarySection.module.css';
import text from '../../../components/text.module.css';
import { useTimeZone } from '../../../components/time-zone';
import { Timestamp } from '../../../components/Timestamp';

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

// "3 (1 failed, 2 linked)", in the verdict words the overview and cards use.
function sessionCounts(sessions: readonly SessionDiagnosis[]): string {
  if (sessions.length === 0) return 'none';
  const counts = new Map<SessionVerdict, number>();
  for (const session of sessions) counts.set(session.verdict, (counts.get(session.verdict) ?? 0) + 1);
  const detail = [...counts].map(([verdict, count]) => `${count} ${VERDICT_LABELS[verdict].toLowerCase()}`);
  return `${sessions.length} (${detail.join(', ')})`;
}

// The token itself: whether it can still be used, where it lives and the IDs support asks for.
export function SummarySection({
  data,
  sessions,
  timing,
}: {
  data: LinkTokenGetResponse;
  // The diagnosis of each session, for the count by outcome.
  sessions: readonly SessionDiagnosis[];
  timing: ServerTiming | null;
}) {
  const timeZone = useTimeZone();
  const lifetime = tokenLifetime(data.created_at, data.expiration);
  const actions = (
    <>
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
    <Card title="Details" titleLevel={3} actions={actions}>
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
        <Field label="Link sessions">{sessionCounts(sessions)}</Field>
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
