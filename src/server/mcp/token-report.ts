import { ACTOR_LABELS, diagnose, VERDICT_LABELS, type SessionDiagnosis } from '../../shared/diagnosis';
import { describeTimeLeft, TOKEN_STATUS_LABELS } from '../../shared/domain/token-status';
import { withKeptSessions } from '../../shared/kept/kept-view';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { KeptBeside, KeptSession } from '../../shared/schemas/kept';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import { MAX_LISTED_SESSIONS, type InspectLinkTokenResult } from './tool-schemas';

// One token's answer as inspect_link_token returns it: the page's view (Plaid's sessions with the
// ones only the store still has, shared/kept/kept-view.ts) diagnosed by the page's diagnose(), then
// laid out for an assistant: the verdict first, then what proves it.

export type TokenAnswer = {
  data: LinkTokenGetResponse;
  // The lookup's `kept` field (docs/api.md); absent from a server without a store.
  kept: KeptBeside | undefined;
  environment: PlaidEnvironment;
  inspectorUrl: string;
};

export function diagnoseAnswer(answer: TokenAnswer, now: number) {
  const view = withKeptSessions(answer.data, answer.kept?.sessions);
  return { view, diagnosis: diagnose(view.data, now) };
}

export function tokenReport(answer: TokenAnswer, now: number): InspectLinkTokenResult {
  const { view, diagnosis } = diagnoseAnswer(answer, now);
  const verdictSession = diagnosis.sessions.find(
    (session) => session.linkSessionId === diagnosis.linkSessionId,
  );
  return {
    link_token: view.data.link_token,
    environment: answer.environment,
    verdict: {
      outcome: diagnosis.verdict,
      label: VERDICT_LABELS[diagnosis.verdict],
      headline: diagnosis.headline,
      institution: diagnosis.institution,
      error_code: diagnosis.error?.error_code ?? null,
      error_message: diagnosis.error?.error_message ?? null,
      exit_status: verdictSession?.exitStatus ?? null,
      actor: diagnosis.actor,
      actor_label: ACTOR_LABELS[diagnosis.actor],
      next_step: diagnosis.nextStep,
      explanation: diagnosis.explanation,
      docs_url: diagnosis.docsUrl,
      end_user_saw: diagnosis.endUserSaw?.text ?? null,
      notes: diagnosis.notes,
    },
    findings: diagnosis.findings.map((finding) => ({
      id: finding.id,
      severity: finding.severity,
      title: finding.title,
      field: finding.field,
      value: finding.value,
      meaning: finding.meaning,
      docs_url: finding.docsUrl,
    })),
    sessions: diagnosis.sessions
      .slice(0, MAX_LISTED_SESSIONS)
      .map((session) => sessionLine(session, view.keptOnly.get(session.linkSessionId))),
    sessions_total: diagnosis.sessions.length,
    verdict_session_id: diagnosis.linkSessionId,
    validity: {
      status: diagnosis.tokenStatus.kind,
      expiration: view.data.expiration,
      time_left: describeTimeLeft(diagnosis.tokenStatus),
    },
    kept: answer.kept
      ? {
          status: answer.kept.status,
          sessions_only_kept: view.keptOnly.size,
          permalink: answer.kept.permalink,
        }
      : null,
    inspector_url: answer.inspectorUrl,
    plaid_request_id: view.data.request_id ?? null,
    looked_up_at: new Date(now).toISOString(),
  };
}

function sessionLine(
  session: SessionDiagnosis,
  kept: KeptSession | undefined,
): InspectLinkTokenResult['sessions'][number] {
  return {
    link_session_id: session.linkSessionId,
    verdict: session.verdict,
    institution: session.institution,
    institution_id: session.institutionId,
    error_code: session.error?.error_code ?? null,
    exit_status: session.exitStatus,
    started_at: session.startedAt,
    finished_at: session.finishedAt,
    last_activity_at: session.lastActivityAt,
    stopped_at: session.stoppedAt,
    source: kept?.source ?? 'plaid',
    kept_at: kept?.seen_at ?? null,
    steps: session.steps.map((step) => ({
      kind: step.kind,
      label: step.label,
      started_at: step.startedAt,
      duration_ms: step.durationMs,
      detail: step.detail,
      error_code: step.errorCode,
    })),
  };
}

// The short text an assistant reads beside the structured content.
export function tokenReportText(report: InspectLinkTokenResult): string {
  const { verdict } = report;
  const onlyKept = report.kept?.sessions_only_kept ?? 0;
  return [
    `${verdict.label}: ${verdict.headline}`,
    `Who acts next: ${verdict.actor_label}. Next step: ${verdict.next_step}`,
    ...report.findings.map((finding) => `${finding.severity}: ${finding.title}`),
    `Sessions: ${report.sessions_total}${onlyKept > 0 ? ` (${onlyKept} kept by the inspector, no longer in Plaid's answer)` : ''}.`,
    `Token: ${TOKEN_STATUS_LABELS[report.validity.status]}, time left ${report.validity.time_left}.`,
    `Open in the inspector: ${report.inspector_url}`,
  ].join('\n');
}
