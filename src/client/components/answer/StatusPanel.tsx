import { useId } from 'react';
import type { InstitutionScope } from '../../api/get-institution';
import type { LookupSuccess } from '../../api/lookup-link-token';
import { checkLinkToken } from '../../../shared/link-token';
import type { LinkTokenGetResponse } from '../../../shared/schemas/link-token-get-response';
import { ConfigurationSection } from './ConfigurationSection';
import { RawJsonSection } from './RawJsonSection';
import { SessionsSection } from './SessionsSection';
import styles from './StatusPanel.module.css';
import { SummarySection } from './SummarySection';

type StatusPanelProps = {
  result: LookupSuccess;
  // Events that appeared since the previous lookup of the same token (live watch): highlighted.
  newEventIds?: ReadonlySet<string>;
  // The lookup that produced the answer: with it, failed sessions ask Plaid about their bank's
  // health with the same credentials (null: the server's own). Without it, no health is asked.
  lookup?: { id: number; credentials: InstitutionScope['credentials'] };
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
    lookupId: lookup.id,
    environment: token.environment,
    countryCodes,
    credentials: lookup.credentials,
  };
}

// Everything Plaid's /link/token/get answer says about a token, section by section.
export function StatusPanel({ result, newEventIds, lookup }: StatusPanelProps) {
  const { data } = result;
  const scope = lookup ? institutionScope(data, lookup) : undefined;
  const headingId = useId();
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading} tabIndex={-1}>
        Link token details
      </h2>
      <SummarySection data={data} timing={result.timing} />
      <SessionsSection sessions={data.link_sessions} newEventIds={newEventIds} institutionScope={scope} />
      <ConfigurationSection metadata={data.metadata} />
      <RawJsonSection raw={result.raw} token={data.link_token} />
    </section>
  );
}
