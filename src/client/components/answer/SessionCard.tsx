import { useMemo } from 'react';
import type { LinkSession } from '../../../shared/schemas/link-token-get-response';
import { useDisclosure } from '../../hooks/use-disclosure';
import { extraFields } from '../../lib/extra-fields';
import { formatDuration, parseDate } from '../../../shared/domain/format-time';
import { sessionInstitution } from '../../../shared/domain/institution';
import { eventsInTimeOrder } from '../../../shared/domain/ordering';
import { SESSION_OUTCOME_LABELS, sessionExit, sessionOutcome } from '../../../shared/domain/session-outcome';
import { Chip } from '../Chip';
import { CopyButton } from '../CopyButton';
import { EventTimeline } from './EventTimeline';
import { ExitDetails } from './ExitDetails';
import { ExtraFields } from '../KeyValueView';
import { SessionResults } from './SessionResults';
import { SuccessDetails } from './SuccessDetails';
import { Timestamp } from '../Timestamp';
import { useNow } from '../../hooks/use-now';

const SESSION_KEYS = [
  'link_session_id',
  'started_at',
  'finished_at',
  'on_success',
  'on_exit',
  'exit',
  'events',
  'results',
];

const OUTCOME_TONES = {
  succeeded: 'good',
  'exited-with-error': 'bad',
  'in-progress': 'info',
  abandoned: 'warn',
} as const;

// A session still running has a duration that grows; only this small part re-renders each second.
function RunningFor({ start }: { start: Date }) {
  const now = useNow(1000);
  return <>running for {formatDuration(now - start.getTime())}</>;
}

function Duration({ start, end }: { start: Date | null; end: Date | null }) {
  if (start && end) return <>{formatDuration(end.getTime() - start.getTime())}</>;
  if (start) return <RunningFor start={start} />;
  return <span className="sp-empty">unknown</span>;
}

export function SessionCard({
  session,
  initiallyOpen,
  newEventIds,
}: {
  session: LinkSession;
  initiallyOpen: boolean;
  newEventIds?: ReadonlySet<string>;
}) {
  const { open, buttonProps, panelProps } = useDisclosure(initiallyOpen);
  const headingId = `${panelProps.id}-heading`;
  const events = useMemo(() => eventsInTimeOrder(session.events ?? []), [session.events]);
  const outcome = sessionOutcome(session);
  const institution = sessionInstitution(session, events);
  const start = parseDate(session.started_at);
  const end = parseDate(session.finished_at);
  const exit = sessionExit(session);
  const newCount = newEventIds ? events.filter((event) => newEventIds.has(event.event_id)).length : 0;

  return (
    <article className={`sp-session sp-session--${outcome}`} aria-labelledby={headingId}>
      <h4 id={headingId} className="sp-session__heading">
        <button type="button" className="sp-session__toggle" {...buttonProps}>
          <span className="sp-session__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <Chip tone={OUTCOME_TONES[outcome]}>{SESSION_OUTCOME_LABELS[outcome]}</Chip>
          <span className="sp-session__title">
            <Timestamp value={session.started_at} empty="start time unknown" />
            {institution && <span className="sp-session__institution"> · {institution}</span>}
            <span className="sp-muted">
              {' '}
              · {events.length} {events.length === 1 ? 'event' : 'events'}
            </span>
            {newCount > 0 && <span className="sp-muted"> · {newCount} new</span>}
          </span>
        </button>
      </h4>
      <div {...panelProps} className="sp-session__body">
        {open && (
          <>
            <dl className="sp-fields">
              <div>
                <dt>Session ID</dt>
                <dd className="sp-copyable">
                  <code className="sp-break">{session.link_session_id}</code>
                  <CopyButton label="Copy link session ID" text={session.link_session_id} />
                </dd>
              </div>
              <div>
                <dt>Started</dt>
                <dd>
                  <Timestamp value={session.started_at} empty="not given" />
                </dd>
              </div>
              <div>
                <dt>Finished</dt>
                <dd>
                  <Timestamp value={session.finished_at} empty="not yet" />
                </dd>
              </div>
              <div>
                <dt>Duration</dt>
                <dd>
                  <Duration start={start} end={end} />
                </dd>
              </div>
              <div>
                <dt>Institution</dt>
                <dd>{institution ?? <span className="sp-empty">none selected</span>}</dd>
              </div>
            </dl>
            {exit && <ExitDetails exit={exit} deprecated={session.exit === undefined} />}
            {session.results && <SessionResults results={session.results} />}
            {session.on_success && <SuccessDetails success={session.on_success} />}
            <h5>Events</h5>
            <EventTimeline events={events} sessionStart={start} newEventIds={newEventIds} />
            <ExtraFields entries={extraFields(session, SESSION_KEYS)} />
          </>
        )}
      </div>
    </article>
  );
}
