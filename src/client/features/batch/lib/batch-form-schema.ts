import { z } from 'zod';
import { addCredentialPairIssues } from '../../../lib/credential-pair';
import type { BatchCredentials } from './batch-lookup';
import { extractTokens } from '../../../../shared/extract-tokens';

// The batch form as typed (strings, empty = not given) and what a run needs: the tokens found in
// the text and the shared credentials, both or neither, as in the single lookup form.
export const BatchFormSchema = z
  .object({ text: z.string(), client_id: z.string().trim(), secret: z.string().trim() })
  .superRefine((values, context) => {
    if (extractTokens(values.text).tokens.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'No link tokens found. Paste text containing link-sandbox-… or link-production-… tokens.',
      });
    }
    addCredentialPairIssues(values, context);
  })
  .transform((values): { tokens: string[]; credentials: BatchCredentials } => ({
    tokens: extractTokens(values.text).tokens,
    credentials: values.client_id === '' ? null : { client_id: values.client_id, secret: values.secret },
  }));

export type BatchFormValues = z.input<typeof BatchFormSchema>;
export type BatchRequest = z.output<typeof BatchFormSchema>;

export const EMPTY_BATCH_FORM: BatchFormValues = { text: '', client_id: '', secret: '' };
