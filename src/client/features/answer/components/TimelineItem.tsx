import type { ComponentProps } from 'react';
import type { LinkEvent } from '../../../../shared/schemas/link-token-get-response';
import { useDisclosure } from '../hooks/use-disclosure';
import { describeEvent } from '../../../../shared/domain/event-names';
import { formatDuration, parseDate } from '../../../../shared/domain/format-time';
import { eventTone } from '../../../../shared/domain/status-tone';
import { Button } from '../../../components/Button';
import { KeyValueView } from '../../../components/KeyValueView';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import styles from './TimelineItem.module.css';

type TimelineItemProps = {
  event: LinkEvent;
  sessionStart: Date | null;
  newEventIds: ReadonlySet<string> | undefined;
} & ComponentProps<'li'>;

// One entry of a session's timeline, in the plain and the virtual timeline alike: what happened in
// plain words, when (and how long after the session started), where, and the full event on
// demand. Other props go to the <li> (the virtual timeline positions and measures it).
export function TimelineItem({ event, sessionStart, newEventIds, ...itemProps }: TimelineItemProps) {
  const { open, buttonProps, panelProps } = useDisclosure();
  const isNew = newEventIds?.has(event.event_id) ?? false;
  const metadata = event.event_metadata;
  const at = parseDate(event.timestamp);
  const offset = at && sessionStart ? at.getTime() - sessionStart.getTime() : null;
  const tone = eventTone(event.event_name);
  const institution = metadata.institution_name ?? metadata.institution_id;
  // A view change already names its view in the headline.
  const view = event.event_name === 'TRANSITION_VIEW' ? undefined : metadata.view_name;
  return (
    <li {...itemProps} className={isNew ? `${styles.item} ${styles.new}` : styles.item}>
      <div className={styles.line}>
        <span className={styles.time}>
          <Timestamp value={event.timestamp} timeOnly />
          {offset !== null && offset > 0 && <span className={text.muted}> (+{formatDuration(offset)})</span>}
        </span>
        <span className={styles.name}>
          {isNew && <StatusBadge tone="pending">New</StatusBadge>}{' '}
          {tone ? (
            <StatusBadge tone={tone}>{describeEvent(event)}</StatusBadge>
          ) : (
            <strong>{describeEvent(event)}</strong>
          )}{' '}
          <code className={text.muted}>{event.event_name}</code>
        </span>
        <Button
          size="small"
          className={styles.toggle}
          {...buttonProps}
          aria-label={`${open ? 'Hide details' : 'Details'} of ${event.event_name} event`}
        >
          {open ? 'Hide details' : 'Details'}
        </Button>
      </div>
      {(view || institution || metadata.error_code || metadata.error_message) && (
        <p className={styles.context}>
          {view && <span>view {view}</span>}
          {institution && <span>institution {institution}</span>}
          {metadata.error_code && (
            <span className={styles.error}>
              error {metadata.error_type ? `${metadata.error_type} / ` : ''}
              {metadata.error_code}
              {metadata.error_message ? `: ${metadata.error_message}` : ''}
            </span>
          )}
        </p>
      )}
      <div {...panelProps}>
        {open && (
          <KeyValueView
            entries={[
              ['event_id', event.event_id],
              ['timestamp', event.timestamp],
              ...Object.entries(event).filter(
                ([key]) => !['event_id', 'timestamp', 'event_name'].includes(key),
              ),
            ]}
          />
        )}
      </div>
    </li>
  );
}
