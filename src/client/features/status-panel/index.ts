// Public surface of the status panel feature: the rest of the app renders only these.
export { StatusPanel } from './StatusPanel';
export { ErrorPanel } from './ErrorPanel';
