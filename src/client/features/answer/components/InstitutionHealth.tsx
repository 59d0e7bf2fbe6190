import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../../../api/api-error';
import { institutionQuery, type InstitutionScope } from '../../../api/get-institution';
import { useDisclosure } from '../hooks/use-disclosure';
import { useNow } from '../../../hooks/use-now';
import {
  bankHealthDuringSession,
  bankToCheck,
  BANK_TROUBLE_TONES,
  describeRatesTiming,
  sessionWindow,
  type BankTrouble,
} from '../../../../shared/diagnosis';
import {
  describeRates,
  HEALTH_LEVEL_LABELS,
  HEALTH_LEVEL_TONES,
  incidentStatusLabel,
  institutionHealth,
  INSTITUTION_HEALTH_MESSAGES,
  type IncidentSummary,
  type ProductHealth,
} from '../../../../shared/domain/institution-health';
import type { InstitutionDetails } from '../../../../shared/schemas/institutions-get-by-id-response';
import type { LinkEvent, LinkSession } from '../../../../shared/schemas/link-token-get-response';
import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { Timestamp } from '../../../components/Timestamp';
import styles from './InstitutionHealth.module.css';
import { Subsection } from './Subsection';

// "Was the bank having trouble when this session failed?", answered from Plaid's
// /institutions/get_by_id beside the session. Shown only for a failed session that reached a bank;
// asked only then, and never in Sandbox, where Plaid reports no health. It loads on its own: the
// rest of the answer never waits for it, and its failure is one short line.

const TROUBLE_SENTENCES: Record<BankTrouble, string> = {
  yes: 'The bank was having trouble while this session ran.',
  no: 'The bank’s logins were healthy while this session ran: the failure was not the bank’s.',
  unknown: 'Whether the bank was having trouble while this session ran is not known.',
};

const TITLE = 'Bank health';

export function InstitutionHealth({
  session,
  events,
  scope,
}: {
  session: LinkSession;
  events: readonly LinkEvent[];
  scope: InstitutionScope;
}) {
  const institutionId = bankToCheck(session, events);
  const sandbox = scope.environment === 'sandbox';
  const query = useQuery<InstitutionDetails, ApiError>({
    ...institutionQuery(institutionId ?? '', scope),
    enabled: institutionId !== null && !sandbox,
  });

  if (institutionId === null) return null;
  if (sandbox) {
    return (
      <Subsection title={TITLE}>
        <Notice tone="neutral">{INSTITUTION_HEALTH_MESSAGES.sandbox}</Notice>
      </Subsection>
    );
  }
  if (query.isPending) {
    return (
      <Subsection title={TITLE}>
        <p className={text.muted} role="status">
          Asking Plaid how {institutionId} is doing…
        </p>
      </Subsection>
    );
  }
  if (query.isError) {
    return (
      <Subsection title={TITLE}>
        <Notice tone="neutral">Could not get this bank’s health: {query.error.error.error_message}</Notice>
      </Subsection>
    );
  }
  return <ReportedHealth institution={query.data} session={session} environment={scope.environment} />;
}

function ReportedHealth({
  institution,
  session,
  environment,
}: {
  institution: InstitutionDetails;
  session: LinkSession;
  environment: InstitutionScope['environment'];
}) {
  const now = new Date(useNow(60_000));
  const details = useDisclosure(false);
  const title = `${TITLE}: ${institution.name}`;
  const health = institutionHealth(institution, environment);
  if (health.kind !== 'reported') {
    return (
      <Subsection title={title}>
        <Notice tone="neutral">{INSTITUTION_HEALTH_MESSAGES[health.kind]}</Notice>
      </Subsection>
    );
  }
  const ran = sessionWindow(session);
  const during = ran ? bankHealthDuringSession(health, ran, now) : null;
  const overlapping = during?.kind === 'reported' ? during.overlappingIncidents : [];
  const otherIncidents = health.incidents.filter((incident) => !overlapping.includes(incident));
  const timing = during?.kind === 'reported' ? describeRatesTiming(during.ratesTiming) : null;
  const trouble = during?.kind === 'reported' ? during.trouble : 'unknown';

  return (
    <Subsection title={title} tone={BANK_TROUBLE_TONES[trouble]}>
      <ProductLine health={health.itemLogins} />
      <p className={styles.sentence}>{TROUBLE_SENTENCES[trouble]}</p>
      {overlapping.length > 0 && (
        <>
          <p className={text.label}>Incidents during this session</p>
          <ul className={styles.incidents}>
            {overlapping.map((incident) => (
              <li key={`${incident.title}-${incident.start.getTime()}`}>
                <Notice tone="failure">
                  <IncidentText incident={incident} />
                </Notice>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className={text.hint}>
        {timing ??
          'Plaid’s rates cover its recent attempts (the last few minutes to six hours); a session older than that falls outside them.'}
      </p>
      <div>
        <Button size="small" variant="quiet" {...details.buttonProps}>
          {details.open ? 'Hide' : 'Show'} every product’s status
          {otherIncidents.length > 0 ? ' and other incidents' : ''}
        </Button>
      </div>
      <div {...details.panelProps}>
        {details.open && (
          <>
            {health.products.length === 0 ? (
              <p className={text.empty}>Plaid reported no other products.</p>
            ) : (
              <ul className={styles.products}>
                {health.products.map((product) => (
                  <li key={product.product}>
                    <ProductLine health={product} />
                  </li>
                ))}
              </ul>
            )}
            {otherIncidents.length > 0 && (
              <>
                <p className={text.label}>Other recent incidents</p>
                <ul className={styles.incidents}>
                  {otherIncidents.map((incident) => (
                    <li key={`${incident.title}-${incident.start.getTime()}`}>
                      <IncidentText incident={incident} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </Subsection>
  );
}

// "Item logins [Degraded] 62% succeed; 35% fail at the bank, 3% at Plaid · since 09:12".
function ProductLine({ health }: { health: ProductHealth }) {
  if (health.kind === 'not-enough-traffic') {
    return (
      <p className={styles.product}>
        <span className={styles.productName}>{health.label}</span>{' '}
        <StatusBadge tone="neutral">Not enough traffic to report</StatusBadge>
      </p>
    );
  }
  return (
    <p className={styles.product}>
      <span className={styles.productName}>{health.label}</span>{' '}
      <StatusBadge tone={HEALTH_LEVEL_TONES[health.level]}>{HEALTH_LEVEL_LABELS[health.level]}</StatusBadge>{' '}
      <span>{describeRates(health.rates)}</span>
      {health.since && (
        <span className={text.muted}>
          {' '}
          · since <Timestamp value={health.since.toISOString()} />
        </span>
      )}
    </p>
  );
}

function IncidentText({ incident }: { incident: IncidentSummary }) {
  const update = incident.latestUpdate;
  return (
    <>
      <strong>{incident.title}</strong> · from <Timestamp value={incident.start.toISOString()} />{' '}
      {incident.end ? (
        <>
          to <Timestamp value={incident.end.toISOString()} />
        </>
      ) : (
        'and still going on'
      )}
      {update?.status && <> · {incidentStatusLabel(update.status)}</>}
      {update?.description && <>: {update.description}</>}
    </>
  );
}
