import { ErrorPanel, StatusPanel } from '../../features/answer';
import { BatchView, type BatchIncoming } from '../../features/batch';

// The answer's panels for the batch drawer (features do not import each other: the app hands them
// over). Static here: this page is a lazily loaded chunk already.
const answerPanels = { StatusPanel, ErrorPanel };

// The Batch tab. Its own module, so that App can load it (and the batch feature) lazily.
export function BatchPage({ incoming }: { incoming: BatchIncoming | null }) {
  return <BatchView incoming={incoming} panels={answerPanels} />;
}
