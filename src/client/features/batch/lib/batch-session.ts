import { z } from 'zod';
import { MAX_BATCH_TOKENS } from '../../../../shared/extract-tokens';
import { sessionJson } from '../../../lib/session-json';
import type { BatchSource } from './batch-source';

// The batch this tab last ran, in sessionStorage, so that a reload brings it back (its answers come
// from the store's kept answers, never from Plaid again). Tokens and the paste's source columns
// only: never the credentials, never Plaid's answers. Lost with the tab, as sessionStorage is.

export type SavedBatch = { tokens: string[]; source: BatchSource };

const SavedBatchSchema = z.object({
  tokens: z.array(z.string()).max(MAX_BATCH_TOKENS),
  source: z.object({
    columns: z.array(z.string()),
    values: z.record(z.string(), z.array(z.string())),
    occurrences: z.record(z.string(), z.number()),
  }),
});

// Storage full or turned off: the batch works as before, only a reload will not bring it back.
const kept = sessionJson<SavedBatch>('link-token-inspector.batch', SavedBatchSchema);

export function saveBatch(batch: SavedBatch): void {
  kept.write(batch);
}

// The saved batch, or null when there is none or it does not read (written by another version).
export function savedBatch(): SavedBatch | null {
  return kept.read();
}
