import { useId, useMemo, useState } from 'react';
import { diagnoseWithoutConfiguration } from '../../../../shared/diagnosis';
import { withKeptSessions } from '../../../../shared/kept/kept-view';
import { KeptBesideSchema } from '../../../../shared/schemas/kept';
import { sessionsOnlyAnswer } from '../../../../shared/diagnosis/sessions-only';
import { diagnosisVerdictProps } from './diagnosis-verdict-props';
import { KeptSessionsNotice } from './KeptSessionsNotice';
import { SessionsSection } from './SessionsSection';
import { VerdictBlock } from './VerdictBlock';
import styles from './ErrorPanel.module.css';

// The store's `kept` field carries the sessions only, not the token's configuration: none is
// assumed (as for pasted logs), so no advice rests on it.
//
// The sessions the inspector's store kept for a token Plaid answered with an error (the server
// appends its `kept` field to Plaid's errors too; INVALID_LINK_TOKEN once Plaid forgot the token):
// diagnosed like live ones, each labelled with who saw it and when, below Plaid's error.
export function KeptBesideError({ raw, linkToken }: { raw: unknown; linkToken?: string }) {
  const headingId = useId();
  const [shownAt] = useState(() => Date.now());
  const kept = useMemo(() => {
    const parsed = KeptBesideSchema.safeParse((raw as { kept?: unknown } | null)?.kept);
    return parsed.success ? parsed.data : undefined;
  }, [raw]);
  const view = useMemo(() => {
    if (!kept?.sessions?.length) return undefined;
    const { data, keptOnly } = withKeptSessions(sessionsOnlyAnswer(linkToken ?? '', []), kept.sessions);
    return { data, keptOnly, diagnosis: diagnoseWithoutConfiguration(data, shownAt) };
  }, [kept, linkToken, shownAt]);
  if (!kept || !view) return null;
  const { diagnosis } = view;
  const count = view.keptOnly.size;
  return (
    <section aria-labelledby={headingId} className={styles.kept}>
      <h3 id={headingId} className={styles.keptHeading}>
        What the inspector’s store kept
      </h3>
      <KeptSessionsNotice
        count={count}
        why={
          <>
            Plaid answered with the error above. The store kept {count === 1 ? 'it' : 'them'} from earlier
            lookups without the token’s configuration, so {count === 1 ? 'it is' : 'they are'} diagnosed
            without it. <a href={kept.permalink}>Open the kept answer</a> for all the store holds.
          </>
        }
      />
      <VerdictBlock {...diagnosisVerdictProps(diagnosis)} docs={null} at={shownAt} actions={null} />
      <SessionsSection
        sessions={view.data.link_sessions}
        diagnoses={diagnosis.sessions}
        verdictSessionId={diagnosis.linkSessionId}
        keptOnly={view.keptOnly}
      />
    </section>
  );
}
