import { useId, useMemo, useState } from 'react';
import type { LinkSession } from '../../../shared/schemas/link-token-get-response';
import { sessionsNewestFirst } from '../../../shared/domain/ordering';
import { NO_SESSIONS_MESSAGE } from '../../../shared/domain/session-outcome';
import { SessionCard } from './SessionCard';

// The newest sessions open, the rest as one-line headers, and only a page of cards in the DOM at
// a time: the very large token has hundreds of sessions.
export const OPEN_SESSIONS = 3;
export const SESSIONS_PAGE = 20;

export function SessionsSection({
  sessions,
  newEventIds,
}: {
  sessions: readonly LinkSession[] | undefined;
  newEventIds?: ReadonlySet<string>;
}) {
  const headingId = useId();
  const ordered = useMemo(() => sessionsNewestFirst(sessions ?? []), [sessions]);
  const [shown, setShown] = useState(SESSIONS_PAGE);
  const remaining = ordered.length - shown;
  return (
    <section className="sp-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Link sessions <span className="sp-muted">({ordered.length})</span>
      </h3>
      {ordered.length === 0 ? (
        <p className="sp-notice">{NO_SESSIONS_MESSAGE}</p>
      ) : (
        <>
          {ordered.length > 1 && <p className="sp-muted">Newest first.</p>}
          <ol className="sp-sessions">
            {ordered.slice(0, shown).map((session, index) => (
              <li key={session.link_session_id}>
                <SessionCard
                  session={session}
                  initiallyOpen={index < OPEN_SESSIONS}
                  newEventIds={newEventIds}
                />
              </li>
            ))}
          </ol>
          {remaining > 0 && (
            <button type="button" className="sp-button" onClick={() => setShown(shown + SESSIONS_PAGE)}>
              Show {Math.min(remaining, SESSIONS_PAGE)} more sessions ({remaining} not shown)
            </button>
          )}
        </>
      )}
    </section>
  );
}
