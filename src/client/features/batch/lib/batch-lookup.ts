import { lookupLinkToken } from '../../../api/lookup-link-token';
import type { LookupFn } from './run-batch';

export type BatchCredentials = { client_id: string; secret: string } | null;

// The lookup each batch token goes through: the same API call as the single form, with the
// shared credentials when the user gave them.
export function batchLookup(credentials: BatchCredentials): LookupFn {
  return (token, signal) => lookupLinkToken({ link_token: token, ...credentials }, { signal });
}
