import { z } from 'zod';
import { addCredentialPairIssues } from '../../../lib/credential-pair';
import type { BatchCredentials } from './batch-lookup';
import type { BatchSource } from './batch-source';

// The batch form as typed (strings, empty = not given) and what a run needs: the tokens found in
// the text and the shared credentials, both or neither, as in the single lookup form. The tokens
// are not found here: validation runs on every keystroke once the form was submitted, and reading
// a long text then would freeze typing. The form takes them from useTokenExtraction instead.
export const BatchFormSchema = z
  .object({ text: z.string(), client_id: z.string().trim(), secret: z.string().trim() })
  .superRefine(addCredentialPairIssues)
  .transform((values): BatchCredentials =>
    values.client_id === '' ? null : { client_id: values.client_id, secret: values.secret },
  );

export type BatchFormValues = z.input<typeof BatchFormSchema>;
export type BatchRequest = { tokens: string[]; credentials: BatchCredentials; source: BatchSource };

export const EMPTY_BATCH_FORM: BatchFormValues = { text: '', client_id: '', secret: '' };

// Pasted or read from a file: past this, the text is not a list of 500 tokens, and reading it
// would hold the page for seconds. (A 5 MB log of a million short lines reads in about a second.)
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;

export const NO_TOKENS_MESSAGE =
  'No link tokens found. Paste text containing link-sandbox-… or link-production-… tokens.';

// `what`: "The text", or the name of the file chosen.
export function tooLongMessage(what: string, size: number): string {
  return `${what} is ${(size / 1024 / 1024).toFixed(1)} MB; up to ${MAX_TEXT_CHARS / 1024 / 1024} MB can be read at once. Paste or choose a shorter excerpt, or split it into several batches.`;
}
