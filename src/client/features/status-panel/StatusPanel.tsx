import type { LookupSuccess } from '../../api/lookup-link-token';
import { useNow } from './hooks/use-now';

type StatusPanelProps = { result: LookupSuccess; newEventIds?: ReadonlySet<string> };

export function StatusPanel({ result }: StatusPanelProps) {
  const { data } = result;
  const now = useNow();
  const expired = data.expiration !== null && new Date(data.expiration).getTime() <= now;
  return (
    <section aria-labelledby="status-panel-heading">
      <h2 id="status-panel-heading">Link token {expired ? 'Expired' : 'Active'}</h2>
      <p>
        Request ID: <code>{data.request_id}</code>
      </p>
      <pre>{JSON.stringify(result.raw, null, 2)}</pre>
    </section>
  );
}
