import { useId } from 'react';
import type { LookupSuccess } from '../../api/lookup-link-token';
import { ConfigurationSection } from './ConfigurationSection';
import { RawJsonSection } from './RawJsonSection';
import { SessionsSection } from './SessionsSection';
import styles from './StatusPanel.module.css';
import { SummarySection } from './SummarySection';

type StatusPanelProps = {
  result: LookupSuccess;
  // Events that appeared since the previous lookup of the same token (live watch): highlighted.
  newEventIds?: ReadonlySet<string>;
};

// Everything Plaid's /link/token/get answer says about a token, section by section.
export function StatusPanel({ result, newEventIds }: StatusPanelProps) {
  const { data } = result;
  const headingId = useId();
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading} tabIndex={-1}>
        Link token details
      </h2>
      <SummarySection data={data} timing={result.timing} />
      <SessionsSection sessions={data.link_sessions} newEventIds={newEventIds} />
      <ConfigurationSection metadata={data.metadata} />
      <RawJsonSection raw={result.raw} token={data.link_token} />
    </section>
  );
}
