// Public surface of the lookup feature.
export { LookupView } from './LookupView';
export { removeCredentialsFromPageUrl } from './page-url';
