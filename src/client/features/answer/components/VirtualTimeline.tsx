import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import styles from './Timeline.module.css';
import { TimelineItem } from './TimelineItem';
import type { TimelineProps } from './timeline-props';

// A very long timeline: only the visible rows are in the DOM, inside a scroll box of its own.
export function VirtualTimeline({ events, sessionStart, newEventIds }: TimelineProps) {
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
      className={styles.scroll}
      tabIndex={0}
      role="region"
      aria-label={`Timeline of ${events.length} events (scrolls)`}
    >
      <ol
        className={`${styles.list} ${styles.virtual}`}
        aria-label="Events"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => (
          <TimelineItem
            key={item.key}
            event={events[item.index]!}
            sessionStart={sessionStart}
            newEventIds={newEventIds}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-setsize={events.length}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start}px)` }}
          />
        ))}
      </ol>
    </div>
  );
}
