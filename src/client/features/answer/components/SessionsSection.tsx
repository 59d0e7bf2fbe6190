import { useCallback, useId, useMemo, useState } from 'react';
import type { SessionDiagnosis } from '../../../../shared/diagnosis';
import type { InstitutionScope } from '../../../api/get-institution';
import type { KeptSession } from '../../../../shared/schemas/kept';
import type { LinkSession } from '../../../../shared/schemas/link-token-get-response';
import { sessionsNewestFirst } from '../../../../shared/domain/ordering';
import { NO_SESSIONS_MESSAGE } from '../../../../shared/domain/session-outcome';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import text from '../../../components/text.module.css';
import { SessionCard } from './SessionCard';
import { SessionOverview } from './SessionOverview';
import styles from './SessionsSection.module.css';

// Only a page of sessions is in the DOM at a time: the very large token has hundreds.
export const SESSIONS_PAGE = 20;

type SessionsSectionProps = {
  sessions: readonly LinkSession[] | undefined;
  // The diagnosis of each session, newest first: the same order as sessionsNewestFirst.
  diagnoses: readonly SessionDiagnosis[];
  // The session the verdict is about: it starts open, the others folded.
  verdictSessionId: string | null;
  newEventIds?: ReadonlySet<string>;
  // Given: failed sessions show their bank's health (see InstitutionHealth).
  institutionScope?: InstitutionScope;
  // Sessions Plaid's answer no longer has, by link_session_id: labelled as the store's copies.
  keptOnly?: ReadonlyMap<string, KeptSession>;
};

export function SessionsSection({
  sessions,
  diagnoses,
  verdictSessionId,
  newEventIds,
  institutionScope,
  keptOnly,
}: SessionsSectionProps) {
  const ordered = useMemo(() => sessionsNewestFirst(sessions ?? []), [sessions]);
  const verdictIndex = diagnoses.findIndex((session) => session.linkSessionId === verdictSessionId);
  // The verdict's session is always on the first page, however far down it is.
  const [shown, setShown] = useState(() => Math.max(SESSIONS_PAGE, verdictIndex + 1));
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(
    () => new Set(verdictSessionId ? [verdictSessionId] : []),
  );
  const baseId = useId();
  const toggleIdOf = (index: number) => `${baseId}-session-${index}`;

  const toggle = useCallback((linkSessionId: string) => {
    setOpenIds((current) => {
      const next = new Set(current);
      if (!next.delete(linkSessionId)) next.add(linkSessionId);
      return next;
    });
  }, []);

  // "Show" in the overview: open the session's card and move to its header (always rendered, so
  // it can take focus before the card's body appears below it).
  function show(linkSessionId: string) {
    setOpenIds((current) => new Set(current).add(linkSessionId));
    const index = ordered.findIndex((session) => session.link_session_id === linkSessionId);
    const header = document.getElementById(toggleIdOf(index));
    // Optional: jsdom, where the component tests run, has no scrollIntoView.
    header?.scrollIntoView?.({ block: 'start' });
    header?.focus();
  }

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
          <SessionOverview
            sessions={diagnoses.slice(0, shown)}
            verdictSessionId={verdictSessionId}
            onShow={show}
          />
          <ol className={styles.sessions}>
            {ordered.slice(0, shown).map((session, index) => (
              <li key={session.link_session_id}>
                <SessionCard
                  session={session}
                  diagnosis={diagnoses[index]!}
                  open={openIds.has(session.link_session_id)}
                  onToggle={toggle}
                  toggleId={toggleIdOf(index)}
                  newEventIds={newEventIds}
                  institutionScope={institutionScope}
                  kept={keptOnly?.get(session.link_session_id)}
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
