import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { LinkEvent } from '../../../../shared/schemas/link-token-get-response';
import { EventRow } from './EventRow';

// Beyond this many events a session's timeline scrolls inside its own box and only the visible
// rows are in the DOM, so the very large token (thousands of events) stays smooth.
export const VIRTUALIZE_FROM = 60;

type TimelineProps = {
  events: readonly LinkEvent[];
  sessionStart: Date | null;
  newEventIds?: ReadonlySet<string>;
};

export function EventTimeline(props: TimelineProps) {
  if (props.events.length === 0) return <p className="sp-empty">No events recorded for this session.</p>;
  return props.events.length >= VIRTUALIZE_FROM ? (
    <VirtualTimeline {...props} />
  ) : (
    <PlainTimeline {...props} />
  );
}

function PlainTimeline({ events, sessionStart, newEventIds }: TimelineProps) {
  return (
    <ol className="sp-timeline">
      {events.map((event) => (
        <li key={event.event_id}>
          <EventRow
            event={event}
            sessionStart={sessionStart}
            isNew={newEventIds?.has(event.event_id) ?? false}
          />
        </li>
      ))}
    </ol>
  );
}

function VirtualTimeline({ events, sessionStart, newEventIds }: TimelineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are used only in this component
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 56,
    overscan: 8,
    getItemKey: (index) => events[index]!.event_id,
    // Before layout (and in tests, where there is none) render a first screenful.
    initialRect: { width: 800, height: 600 },
  });
  return (
    <div
      ref={scrollRef}
      className="sp-timeline-scroll"
      tabIndex={0}
      role="region"
      aria-label={`Timeline of ${events.length} events (scrolls)`}
    >
      <ol className="sp-timeline sp-timeline--virtual" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const event = events[item.index]!;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={events.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <EventRow
                event={event}
                sessionStart={sessionStart}
                isNew={newEventIds?.has(event.event_id) ?? false}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
