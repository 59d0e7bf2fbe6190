import { useMemo } from 'react';
import type { InstitutionScope } from '../../api/get-institution';
import type { LinkSession } from '../../../shared/schemas/link-token-get-response';
import { useDisclosure } from '../../hooks/use-disclosure';
import { extraFields } from '../../lib/extra-fields';
import { formatDuration, parseDate } from '../../../shared/domain/format-time';
import { sessionInstitution } from '../../../shared/domain/institution';
import { eventsInTimeOrder } from '../../../shared/domain/ordering';
import { SESSION_OUTCOME_LABELS, sessionExit, sessionOutcome } from '../../../shared/domain/session-outcome';
import { SESSION_OUTCOME_TONES } from '../../../shared/domain/status-tone';
import { EventTimeline } from './EventTimeline';
import { ExitDetails } from './ExitDetails';
import { InstitutionHealth } from './InstitutionHealth';
import { Field, FieldList } from '../Field';
import { ExtraFields } from '../KeyValueView';
import { StatusBadge } from '../StatusBadge';
import text from '../text.module.css';
import { toneClass } from '../tone';
import styles from './SessionCard.module.css';
import { SessionResults } from './SessionResults';
import { Subsection } from './Subsection';
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

// A session still running has a duration that grows; only this small part re-renders each second.
function RunningFor({ start }: { start: Date }) {
  const now = useNow(1000);
  return <>running for {formatDuration(now - start.getTime())}</>;
}

function Duration({ start, end }: { start: Date | null; end: Date | null }) {
  if (start && end) return <>{formatDuration(end.getTime() - start.getTime())}</>;
  if (start) return <RunningFor start={start} />;
  return <span className={text.empty}>unknown</span>;
}

export function SessionCard({
  session,
  initiallyOpen,
  newEventIds,
  institutionScope,
}: {
  session: LinkSession;
  initiallyOpen: boolean;
  newEventIds?: ReadonlySet<string>;
  institutionScope?: InstitutionScope;
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

  const tone = SESSION_OUTCOME_TONES[outcome];

  return (
    <article className={`${styles.card} ${toneClass(tone)}`} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.heading}>
        <button type="button" className={styles.toggle} {...buttonProps}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          <StatusBadge tone={tone}>{SESSION_OUTCOME_LABELS[outcome]}</StatusBadge>
          <span className={styles.title}>
            <Timestamp value={session.started_at} empty="start time unknown" />
            {institution && <span className={styles.institution}> · {institution}</span>}
            <span className={text.muted}>
              {' '}
              · {events.length} {events.length === 1 ? 'event' : 'events'}
            </span>
            {newCount > 0 && <span className={text.muted}> · {newCount} new</span>}
          </span>
        </button>
      </h4>
      <div {...panelProps} className={styles.body}>
        {open && (
          <>
            <FieldList>
              <Field
                label="Session ID"
                copy={{ label: 'Copy link session ID', text: session.link_session_id }}
              >
                <code className={text.break}>{session.link_session_id}</code>
              </Field>
              <Field label="Started">
                <Timestamp value={session.started_at} empty="not given" />
              </Field>
              <Field label="Finished">
                <Timestamp value={session.finished_at} empty="not yet" />
              </Field>
              <Field label="Duration">
                <Duration start={start} end={end} />
              </Field>
              <Field label="Institution">
                {institution ?? <span className={text.empty}>none selected</span>}
              </Field>
            </FieldList>
            {institutionScope && (
              <InstitutionHealth session={session} events={events} scope={institutionScope} />
            )}
            {exit && <ExitDetails exit={exit} deprecated={session.exit === undefined} />}
            {session.results && <SessionResults results={session.results} />}
            {session.on_success && <SuccessDetails success={session.on_success} />}
            <Subsection title="Events">
              <EventTimeline events={events} sessionStart={start} newEventIds={newEventIds} />
            </Subsection>
            <ExtraFields entries={extraFields(session, SESSION_KEYS)} />
          </>
        )}
      </div>
    </article>
  );
}
