import { useId, useState } from 'react';
import type { LookupSuccess } from '../../api/lookup-link-token';
import { ConfigurationSection } from './ConfigurationSection';
import { RawJsonSection } from './RawJsonSection';
import { SessionsSection } from './SessionsSection';
import { SummarySection } from './SummarySection';
import { TimeZoneContext } from '../time-zone-context';
import type { TimeZoneMode } from '../../../shared/domain/format-time';
import './status-panel.css';

type StatusPanelProps = {
  result: LookupSuccess;
  // Events that appeared since the previous lookup of the same token (live watch): highlighted.
  newEventIds?: ReadonlySet<string>;
};

// Everything Plaid's /link/token/get answer says about a token, section by section.
export function StatusPanel({ result, newEventIds }: StatusPanelProps) {
  const [timeZone, setTimeZone] = useState<TimeZoneMode>('local');
  const { data } = result;
  const headingId = useId();
  return (
    <TimeZoneContext value={timeZone}>
      <section className="sp-panel" aria-labelledby={headingId}>
        <h2 id={headingId} tabIndex={-1}>
          Link token details
        </h2>
        <SummarySection
          data={data}
          timing={result.timing}
          timeZone={timeZone}
          onTimeZoneChange={setTimeZone}
        />
        <SessionsSection sessions={data.link_sessions} newEventIds={newEventIds} />
        <ConfigurationSection metadata={data.metadata} />
        <RawJsonSection raw={result.raw} token={data.link_token} />
      </section>
    </TimeZoneContext>
  );
}
