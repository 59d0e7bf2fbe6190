import { useId } from 'react';
import type { ServerTiming } from '../../api/server-timing';
import { tokenEnvironment } from '../../../shared/link-token';
import type { LinkTokenGetResponse } from '../../../shared/schemas/link-token-get-response';
import { extraFields } from '../../lib/extra-fields';
import type { TimeZoneMode } from '../../../shared/domain/format-time';
import {
  SESSION_OUTCOME_LABELS,
  sessionOutcome,
  type SessionOutcome,
} from '../../../shared/domain/session-outcome';
import { tokenLifetime } from '../../../shared/domain/token-lifetime';
import { CopyButton } from '../CopyButton';
import { ExtraFields } from '../KeyValueView';
import { LiveTokenStatus } from './LiveTokenStatus';
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
  timeZone,
  onTimeZoneChange,
}: {
  data: LinkTokenGetResponse;
  timing: ServerTiming | null;
  timeZone: TimeZoneMode;
  onTimeZoneChange: (mode: TimeZoneMode) => void;
}) {
  const headingId = useId();
  const environment = tokenEnvironment(data.link_token) ?? 'unknown';
  const lifetime = tokenLifetime(data.created_at, data.expiration);
  return (
    <section className="sp-section" aria-labelledby={headingId}>
      <div className="sp-section__header">
        <h3 id={headingId}>Summary</h3>
        <div className="sp-actions">
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
          <div className="sp-toggle" role="group" aria-label="Show times in">
            {(['local', 'utc'] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                className="sp-button sp-button--small"
                aria-pressed={timeZone === mode}
                onClick={() => onTimeZoneChange(mode)}
              >
                {mode === 'local' ? 'Local time' : 'UTC'}
              </button>
            ))}
          </div>
        </div>
      </div>
      <dl className="sp-fields">
        <LiveTokenStatus expiration={data.expiration} />
        <div>
          <dt>Environment</dt>
          <dd>{environment}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <Timestamp value={data.created_at} empty="not given by Plaid" />
          </dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>
            <Timestamp value={data.expiration} empty="not given by Plaid" />
          </dd>
        </div>
        {lifetime && (
          <div>
            <dt>Lifetime</dt>
            <dd>
              {lifetime.text}
              <span className="sp-muted"> · {lifetime.meaning}</span>
            </dd>
          </div>
        )}
        <div>
          <dt>Client name</dt>
          <dd>{data.metadata.client_name ?? <span className="sp-empty">not set</span>}</dd>
        </div>
        <div>
          <dt>Link sessions</dt>
          <dd>{sessionCounts(data)}</dd>
        </div>
        {data.user_id !== undefined && (
          <div>
            <dt>User ID</dt>
            <dd>
              <code>{data.user_id}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>Link token</dt>
          <dd className="sp-copyable">
            <code className="sp-break">{data.link_token}</code>
            <CopyButton label="Copy link token" text={data.link_token} />
          </dd>
        </div>
        <div>
          <dt>Request ID</dt>
          <dd className="sp-copyable">
            <code>{data.request_id}</code>
            <CopyButton label="Copy request ID" text={data.request_id} />
          </dd>
        </div>
        {timing && (
          <div>
            <dt>Timings</dt>
            <dd>{formatTiming(timing)}</dd>
          </div>
        )}
      </dl>
      <ExtraFields entries={extraFields(data, TOP_LEVEL_KEYS)} />
    </section>
  );
}
