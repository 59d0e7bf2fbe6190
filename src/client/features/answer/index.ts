// Public surface of the answer feature: the panels that show one lookup's answer (StatusPanel) or
// why it failed (ErrorPanel), verdict first, and what pasted Link client logs say (PastedLogsView).
export { ErrorPanel } from './components/ErrorPanel';
export { StatusPanel } from './components/StatusPanel';
export { PastedLogsView } from './components/PastedLogsView';
export { CheckList } from './components/CheckList';
