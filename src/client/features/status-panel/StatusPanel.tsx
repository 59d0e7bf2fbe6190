import { useState } from 'react';
import type { LookupSuccess } from '../../api/lookup-link-token';
import { ConfigurationSection } from './components/ConfigurationSection';
import { RawJsonSection } from './components/RawJsonSection';
import { SessionsSection } from './components/SessionsSection';
import { SummarySection } from './components/SummarySection';
import { TimeZoneContext } from './components/time-zone-context';
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
  return (
    <TimeZoneContext value={timeZone}>
      <section className="sp-panel" aria-labelledby="status-panel-heading">
        <h2 id="status-panel-heading" tabIndex={-1}>
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
