import { ApiKeysPanel } from '../../features/api-keys';

// The API keys tab. Its own module, so that App can load it (and the feature) lazily: few people
// open it.
export function ApiKeysPage() {
  return <ApiKeysPanel />;
}
