// Public surface of the batch feature.
export { BatchView } from './components/BatchView';
export type { BatchIncoming } from './components/BatchInput';
