import { HistoryView } from '../../features/history';

// The History tab. Its own module, so that App can load it (and the History feature) lazily.
export function HistoryPage({ shown }: { shown: boolean }) {
  return <HistoryView shown={shown} />;
}
