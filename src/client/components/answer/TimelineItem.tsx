import type { ComponentProps } from 'react';
import type { LinkEvent } from '../../../shared/schemas/link-token-get-response';
import { useDisclosure } from '../../hooks/use-disclosure';
import { describeEvent } from '../../../shared/domain/event-names';
import { formatDuration, parseDate } from '../../../shared/domain/format-time';
import { Chip } from '../Chip';
import { KeyValueView } from '../KeyValueView';
import { Timestamp } from '../Timestamp';

function eventTone(name: string) {
  if (name === 'ERROR' || name === 'FAIL_OAUTH' || name.endsWith('_ERROR')) return 'bad' as const;
  if (name === 'HANDOFF') return 'good' as const;
  return null;
}

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
    <li {...itemProps}>
      <div className={isNew ? 'sp-event sp-event--new' : 'sp-event'}>
        <div className="sp-event__line">
          <span className="sp-event__time">
            <Timestamp value={event.timestamp} timeOnly />
            {offset !== null && offset > 0 && <span className="sp-muted"> (+{formatDuration(offset)})</span>}
          </span>
          <span className="sp-event__name">
            {isNew && <Chip tone="info">New</Chip>}{' '}
            {tone ? <Chip tone={tone}>{describeEvent(event)}</Chip> : <strong>{describeEvent(event)}</strong>}{' '}
            <code className="sp-muted">{event.event_name}</code>
          </span>
          <button
            type="button"
            className="sp-button sp-button--small sp-event__toggle"
            {...buttonProps}
            aria-label={`${open ? 'Hide details' : 'Details'} of ${event.event_name} event`}
          >
            {open ? 'Hide details' : 'Details'}
          </button>
        </div>
        {(view || institution || metadata.error_code || metadata.error_message) && (
          <p className="sp-event__context">
            {view && <span>view {view}</span>}
            {institution && <span>institution {institution}</span>}
            {metadata.error_code && (
              <span className="sp-event__error">
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
      </div>
    </li>
  );
}
