import type { ReactNode } from 'react';
import type { InstitutionScope } from '../../../api/get-institution';
import { supportSummary, type Diagnosis } from '../../../../shared/diagnosis';
import type { LinkTokenGetResponse } from '../../../../shared/schemas/link-token-get-response';
import { useVerdictBankHealth, type VerdictBankHealth } from '../hooks/use-verdict-bank-health';
import { diagnosisVerdictProps } from './diagnosis-verdict-props';
import { TicketCopyButtons } from './TicketCopyButtons';
import { verdictDocs } from '../lib/verdict-docs';
import { VerdictBlock } from './VerdictBlock';

type DiagnosisVerdictProps = {
  data: LinkTokenGetResponse;
  diagnosis: Diagnosis;
  // When the answer arrived (epoch ms): the verdict and the ticket are as of then.
  answeredAt: number;
  inspectorUrl?: string;
  // The lookup's scope: with it, the verdict's bank's health is asked; without it, nothing is.
  scope?: InstitutionScope;
  // The evidence downloads, beside the ticket buttons.
  evidence: ReactNode;
};

const NOT_ASKED: VerdictBankHealth = { line: null, settled: true };

// The answer's verdict with its ticket buttons. Once Plaid has said how the verdict's bank is doing,
// that belongs here, one line beside what the end user saw, and in the ticket: not only in the
// session's card far below.
export function DiagnosisVerdict(props: DiagnosisVerdictProps) {
  return props.scope ? (
    <VerdictWithBankHealth {...props} scope={props.scope} />
  ) : (
    <Verdict {...props} bankHealth={NOT_ASKED} />
  );
}

function VerdictWithBankHealth(props: DiagnosisVerdictProps & { scope: InstitutionScope }) {
  const session = props.data.link_sessions?.find(
    (each) => each.link_session_id === props.diagnosis.linkSessionId,
  );
  return <Verdict {...props} bankHealth={useVerdictBankHealth(session, props.scope)} />;
}

function Verdict({
  data,
  diagnosis,
  answeredAt,
  inspectorUrl,
  evidence,
  bankHealth,
}: DiagnosisVerdictProps & { bankHealth: VerdictBankHealth }) {
  const words = diagnosisVerdictProps(diagnosis);
  const facts = [
    ...words.facts,
    ...(bankHealth.line ? [{ label: 'Bank health', value: bankHealth.line }] : []),
  ];
  const ticketHealth = bankHealth.settled ? (bankHealth.line ?? undefined) : undefined;
  return (
    <VerdictBlock
      {...words}
      facts={facts}
      docs={verdictDocs(diagnosis)}
      at={answeredAt}
      actions={
        <>
          <TicketCopyButtons
            ticket={(format) =>
              supportSummary(data, answeredAt, { format, inspectorUrl, bankHealth: ticketHealth })
            }
          />
          {evidence}
        </>
      }
    />
  );
}
