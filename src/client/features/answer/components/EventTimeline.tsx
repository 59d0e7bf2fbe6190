import { lazy, Suspense } from 'react';
import text from '../../../components/text.module.css';
import styles from './Timeline.module.css';
import { TimelineItem } from './TimelineItem';
import type { TimelineProps } from './timeline-props';

// Beyond this many events a session's timeline scrolls inside its own box and only the visible
// rows are in the DOM (VirtualTimeline), so a session with thousands of events stays smooth.
export const VIRTUALIZE_FROM = 60;

const VirtualTimeline = lazy(() =>
  import('./VirtualTimeline').then((module) => ({ default: module.VirtualTimeline })),
);

export function EventTimeline(props: TimelineProps) {
  if (props.events.length === 0) return <p className={text.empty}>No events recorded for this session.</p>;
  if (props.events.length < VIRTUALIZE_FROM) return <PlainTimeline {...props} />;
  // The virtual list is loaded on demand: few tokens need it, and it is a sizeable part of the
  // app's JavaScript.
  return (
    <Suspense fallback={<p className={text.muted}>Loading the timeline of {props.events.length} events…</p>}>
      <VirtualTimeline {...props} />
    </Suspense>
  );
}

function PlainTimeline({ events, sessionStart, newEventIds }: TimelineProps) {
  return (
    <ol className={styles.list} aria-label="Events">
      {events.map((event) => (
        <TimelineItem
          key={event.event_id}
          event={event}
          sessionStart={sessionStart}
          newEventIds={newEventIds}
        />
      ))}
    </ol>
  );
}
