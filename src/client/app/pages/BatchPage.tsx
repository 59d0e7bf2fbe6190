import { BatchView } from '../../features/batch';

// The Batch tab. Its own module, so that App can load it (and the batch feature) lazily.
export function BatchPage() {
  return <BatchView />;
}
