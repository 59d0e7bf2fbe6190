import { memo, useId, useMemo } from 'react';
import { VERDICT_LABELS, type SessionDiagnosis } from '../../../../shared/diagnosis';
import type { InstitutionScope } from '../../../api/get-institution';
import type { KeptSession } from '../../../../shared/schemas/kept';
import type { LinkSession } from '../../../../shared/schemas/link-token-get-response';
import { extraFields } from '../lib/extra-fields';
import { formatDuration, parseDate } from '../../../../shared/domain/format-time';
import { eventsInTimeOrder } from '../../../../shared/domain/ordering';
import { sessionExit } from '../../../../shared/domain/session-outcome';
import { EventTimeline } from './EventTimeline';
import { ExitDetails } from './ExitDetails';
import { InstitutionHealth } from './InstitutionHealth';
import { Field, FieldList } from '../../../components/Field';
import { ExtraFields } from '../../../components/KeyValueView';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { toneClass } from '../../../components/tone';
import styles from './SessionCard.module.css';
import { KeptLabel } from './KeptLabel';
import { SessionResults } from './SessionResults';
import { SessionSteps } from './SessionSteps';
import { Subsection } from './Subsection';
import { SuccessDetails } from './SuccessDetails';
import { Timestamp } from '../../../components/Timestamp';
import { useNow } from '../../../hooks/use-now';

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

type SessionCardProps = {
  session: LinkSession;
  // What the diagnosis made of this session: its verdict and steps.
  diagnosis: SessionDiagnosis;
  // Open or folded, as the sessions section holds it (so the overview can open a card).
  open: boolean;
  onToggle: (linkSessionId: string) => void;
  // The id of the card's toggle button, for the overview to move focus to.
  toggleId: string;
  newEventIds?: ReadonlySet<string>;
  // Given: a failed session shows its bank's health (see InstitutionHealth).
  institutionScope?: InstitutionScope;
  // Given: Plaid's answer no longer has this session; it comes from the inspector's store.
  kept?: KeptSession;
};

// One Link session: a header line that opens and folds the card, then its details, steps, exit,
// results and events. Memoised: opening one card of many re-renders only that one.
export const SessionCard = memo(function SessionCard({
  session,
  diagnosis,
  open,
  onToggle,
  toggleId,
  newEventIds,
  institutionScope,
  kept,
}: SessionCardProps) {
  const panelId = useId();
  const headingId = `${panelId}-heading`;
  const events = useMemo(() => eventsInTimeOrder(session.events ?? []), [session.events]);
  const institution = diagnosis.institution;
  const start = parseDate(session.started_at);
  const end = parseDate(session.finished_at);
  const exit = sessionExit(session);
  const newCount = newEventIds ? events.filter((event) => newEventIds.has(event.event_id)).length : 0;

  return (
    <article className={`${styles.card} ${toneClass(diagnosis.tone)}`} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.heading}>
        <button
          type="button"
          id={toggleId}
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => onToggle(session.link_session_id)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          <StatusBadge tone={diagnosis.tone}>{VERDICT_LABELS[diagnosis.verdict]}</StatusBadge>
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
      {kept && (
        <p className={styles.kept}>
          <KeptLabel kept={kept} />
        </p>
      )}
      <div id={panelId} hidden={!open} className={styles.body}>
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
            <Subsection title="Steps">
              <SessionSteps session={diagnosis} />
            </Subsection>
            {exit && (
              <ExitDetails
                exit={exit}
                deprecated={session.exit === undefined}
                statusMeaning={diagnosis.exitStatusMeaning}
              />
            )}
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
});
