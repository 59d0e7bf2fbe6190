import { useMemo, useState } from 'react';
import type { InstitutionScope } from '../../api/get-institution';
import type { LinkSession } from '../../../shared/schemas/link-token-get-response';
import { sessionsNewestFirst } from '../../../shared/domain/ordering';
import { NO_SESSIONS_MESSAGE } from '../../../shared/domain/session-outcome';
import { Button } from '../Button';
import { Card } from '../Card';
import { Notice } from '../Notice';
import text from '../text.module.css';
import { SessionCard } from './SessionCard';
import styles from './SessionsSection.module.css';

// The newest sessions open, the rest as one-line headers, and only a page of cards in the DOM at
// a time: the very large token has hundreds of sessions.
export const OPEN_SESSIONS = 3;
export const SESSIONS_PAGE = 20;

export function SessionsSection({
  sessions,
  newEventIds,
  institutionScope,
}: {
  sessions: readonly LinkSession[] | undefined;
  newEventIds?: ReadonlySet<string>;
  // Given: failed sessions show their bank's health (see InstitutionHealth).
  institutionScope?: InstitutionScope;
}) {
  const ordered = useMemo(() => sessionsNewestFirst(sessions ?? []), [sessions]);
  const [shown, setShown] = useState(SESSIONS_PAGE);
  const remaining = ordered.length - shown;
  const title = (
    <>
      Link sessions <span className={text.muted}>({ordered.length})</span>
    </>
  );
  return (
    <Card title={title} titleLevel={3}>
      {ordered.length === 0 ? (
        <Notice tone="neutral">{NO_SESSIONS_MESSAGE}</Notice>
      ) : (
        <>
          {ordered.length > 1 && <p className={text.hint}>Newest first.</p>}
          <ol className={styles.sessions}>
            {ordered.slice(0, shown).map((session, index) => (
              <li key={session.link_session_id}>
                <SessionCard
                  session={session}
                  initiallyOpen={index < OPEN_SESSIONS}
                  newEventIds={newEventIds}
                  institutionScope={institutionScope}
                />
              </li>
            ))}
          </ol>
          {remaining > 0 && (
            <Button onClick={() => setShown(shown + SESSIONS_PAGE)}>
              Show {Math.min(remaining, SESSIONS_PAGE)} more sessions ({remaining} not shown)
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
