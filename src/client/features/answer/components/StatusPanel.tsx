import { useId, useMemo, useState } from 'react';
import type { InstitutionScope } from '../../../api/get-institution';
import type { LookupSuccess } from '../../../api/lookup-link-token';
import { diagnose } from '../../../../shared/diagnosis';
import { checkLinkToken } from '../../../../shared/link-token';
import type { LinkTokenGetResponse } from '../../../../shared/schemas/link-token-get-response';
import { withKeptSessions } from '../../../../shared/kept/kept-view';
import { checkAnswer } from '../../../../shared/checks/check-answer';
import type { QaProfile } from '../../../../shared/checks/qa-profile';
import { checkFindings } from '../../../../shared/checks/check-findings';
import { CheckList } from './CheckList';
import { CompareWithToken } from './CompareWithToken';
import { ConfigurationSection } from './ConfigurationSection';
import { DeleteKept } from './DeleteKept';
import { EvidenceDownloadButtons } from './EvidenceDownloadButtons';
import { DiagnosisVerdict } from './DiagnosisVerdict';
import { FindingsSection } from './FindingsSection';
import { KeptSessionsNotice } from './KeptSessionsNotice';
import { RawJsonSection } from './RawJsonSection';
import { SessionsSection } from './SessionsSection';
import styles from './StatusPanel.module.css';
import { SummarySection } from './SummarySection';

type StatusPanelProps = {
  result: LookupSuccess;
  // When the answer arrived (epoch ms): the verdict is as of then, and so is the ticket text.
  // Without it (Batch's details), as of when the panel is first shown.
  answeredAt?: number;
  // A link back to this lookup in the inspector, for the ticket text.
  inspectorUrl?: string;
  // Events that appeared since the previous lookup of the same token (live watch): highlighted.
  newEventIds?: ReadonlySet<string>;
  // The lookup that produced the answer: with it, failed sessions ask Plaid about their bank's
  // health with the same credentials (null: the server's own). Without it, no health is asked.
  // `id` names the lookup or batch run ("lookup-3", "batch-1"), see InstitutionScope.
  lookup?: { id: string; credentials: InstitutionScope['credentials'] };
  // A QA profile to check the answer against (issue 30): the checks lead the answer, their failures
  // are added to the findings as Problems, and they are carried into the evidence download.
  checkAgainst?: Pick<QaProfile, 'id' | 'name' | 'expectations'>;
};

// The token's environment and countries: what an institution lookup for its sessions asks with.
function institutionScope(
  data: LinkTokenGetResponse,
  lookup: NonNullable<StatusPanelProps['lookup']>,
): InstitutionScope | undefined {
  const token = checkLinkToken(data.link_token);
  if (!token.ok) return undefined;
  const countryCodes = data.metadata.country_codes.length > 0 ? data.metadata.country_codes : ['US'];
  return {
    lookupKey: lookup.id,
    environment: token.environment,
    countryCodes,
    credentials: lookup.credentials,
  };
}

// Plaid's /link/token/get answer, outcome first: the verdict and the next step, the findings,
// then the token's details, its sessions and configuration, and the answer as received.
export function StatusPanel({
  result,
  inspectorUrl,
  newEventIds,
  lookup,
  checkAgainst,
  ...props
}: StatusPanelProps) {
  // Plaid's sessions merged with those the inspector's store kept: the verdict, the ticket and the
  // cards read one view, so a session Plaid dropped after six hours is still diagnosed.
  const { data, keptOnly } = useMemo(
    () => withKeptSessions(result.data, result.kept?.sessions),
    [result.data, result.kept],
  );
  // Kept while the lookup is the same (its credentials cannot change without a new lookup), so the
  // session cards, memoised, do not re-render for a new but equal scope.
  const lookupId = lookup?.id;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const scope = useMemo(() => (lookup ? institutionScope(data, lookup) : undefined), [data, lookupId]);
  // The store holds something about the token: sessions from before, this answer, or it is the
  // store's own answer (the permalink).
  const keptData =
    result.fromStore !== undefined ||
    result.kept?.status === 'queued' ||
    (result.kept?.sessions?.length ?? 0) > 0;
  const headingId = useId();
  const [shownAt] = useState(() => Date.now());
  const answeredAt = props.answeredAt ?? shownAt;
  const diagnosis = useMemo(() => diagnose(data, answeredAt), [data, answeredAt]);
  const checkReport = useMemo(
    () => (checkAgainst ? checkAnswer(checkAgainst, data, new Date(answeredAt)) : undefined),
    [checkAgainst, data, answeredAt],
  );
  const sessions = (
    <SessionsSection
      sessions={data.link_sessions}
      diagnoses={diagnosis.sessions}
      verdictSessionId={diagnosis.linkSessionId}
      newEventIds={newEventIds}
      institutionScope={scope}
      keptOnly={keptOnly}
    />
  );
  const configuration = <ConfigurationSection metadata={data.metadata} />;
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading} tabIndex={-1}>
        Link token details
      </h2>
      {/* Checked against a QA profile, the answer leads with the checks (issue 30). */}
      {checkReport && <CheckList report={checkReport} />}
      <DiagnosisVerdict
        data={data}
        diagnosis={diagnosis}
        answeredAt={answeredAt}
        inspectorUrl={inspectorUrl}
        scope={scope}
        evidence={
          <EvidenceDownloadButtons
            evidence={() => ({
              answer: data,
              raw: result.raw,
              answeredAt,
              lookedUpBy: result.fromStore?.seenBy ?? null,
              report: checkReport,
            })}
          />
        }
      />
      {keptOnly.size > 0 && (
        <KeptSessionsNotice
          count={keptOnly.size}
          why={
            // The store's own answer (the permalink, a batch brought back after a reload): Plaid
            // was not asked, so nothing can be said of what it has now.
            result.fromStore
              ? 'the whole answer is the store’s copy, and Plaid was not asked.'
              : `Plaid’s answer no longer has ${keptOnly.size === 1 ? 'it' : 'them'} (Plaid returns a session for six hours after it ends).`
          }
        />
      )}
      {keptData && <DeleteKept linkToken={data.link_token} />}
      {/* A QA engineer came to check the configuration and the steps: they come next. */}
      {checkReport && configuration}
      {checkReport && sessions}
      <FindingsSection
        findings={checkReport ? [...checkFindings(checkReport), ...diagnosis.findings] : diagnosis.findings}
      />
      <SummarySection data={data} sessions={diagnosis.sessions} timing={result.timing} />
      {!checkReport && sessions}
      {!checkReport && configuration}
      <CompareWithToken first={data} answeredAt={answeredAt} credentials={lookup?.credentials ?? null} />
      <RawJsonSection raw={result.raw} token={data.link_token} />
    </section>
  );
}
