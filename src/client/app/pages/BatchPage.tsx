import { BatchView, type BatchIncoming } from '../../features/batch';

// The Batch tab. Its own module, so that App can load it (and the batch feature) lazily.
export function BatchPage({ incoming }: { incoming: BatchIncoming | null }) {
  return <BatchView incoming={incoming} />;
}
