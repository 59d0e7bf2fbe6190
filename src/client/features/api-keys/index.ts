// Public surface of the API keys feature: make, list and revoke the keys of machine clients.
export { ApiKeysPanel } from './components/ApiKeysPanel';
