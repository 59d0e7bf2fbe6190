import type { LinkEvent } from '../../../../shared/schemas/link-token-get-response';

// What a session's timeline is given, whether it renders every row or only the visible ones.
export type TimelineProps = {
  events: readonly LinkEvent[];
  sessionStart: Date | null;
  newEventIds?: ReadonlySet<string>;
};
