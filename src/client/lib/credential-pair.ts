import type { z } from 'zod';

// Client ID and secret are optional but come as a pair. Both forms (single lookup and batch) say
// which half is missing, next to the empty field, before any request is made.
export function addCredentialPairIssues(
  values: { client_id: string; secret: string },
  context: z.RefinementCtx,
): void {
  if (values.client_id !== '' && values.secret === '') {
    context.addIssue({
      code: 'custom',
      path: ['secret'],
      message: 'Enter the secret too, or clear the client ID.',
    });
  }
  if (values.client_id === '' && values.secret !== '') {
    context.addIssue({
      code: 'custom',
      path: ['client_id'],
      message: 'Enter the client ID too, or clear the secret.',
    });
  }
}
