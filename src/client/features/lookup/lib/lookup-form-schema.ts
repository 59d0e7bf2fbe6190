import { z } from 'zod';
import { checkLinkToken } from '../../../../shared/link-token';
import { addCredentialPairIssues } from '../../../lib/credential-pair';
import { LinkTokenGetRequestSchema } from '../../../../shared/schemas/link-token-get-request';

// The lookup form's fields as typed (strings, empty = not given) and the request they become.
// The token check is the same one the server runs, so the form names a pasted public_token or a
// retired environment before any request is made.
export const LookupFormSchema = z
  .object({
    link_token: z.string().superRefine((value, context) => {
      const check = checkLinkToken(value);
      if (!check.ok) context.addIssue({ code: 'custom', message: check.message });
    }),
    client_id: z.string().trim(),
    secret: z.string().trim(),
  })
  .superRefine(addCredentialPairIssues)
  .transform((values): z.input<typeof LinkTokenGetRequestSchema> => ({
    link_token: values.link_token.trim(),
    client_id: values.client_id === '' ? undefined : values.client_id,
    secret: values.secret === '' ? undefined : values.secret,
  }))
  .pipe(LinkTokenGetRequestSchema);

export type LookupFormValues = z.input<typeof LookupFormSchema>;

export const EMPTY_LOOKUP_FORM: LookupFormValues = { link_token: '', client_id: '', secret: '' };
