// Public surface of the History feature.
export { HistoryView } from './components/HistoryView';
