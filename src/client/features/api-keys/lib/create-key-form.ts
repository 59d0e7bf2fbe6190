import { z } from 'zod';
import {
  API_KEY_NAME_MAX_CHARS,
  API_KEY_SCOPES,
  type ApiKeyScope,
} from '../../../../shared/schemas/api-keys';

// The form that makes a key: the server's request (shared/schemas/api-keys.ts) with messages for
// people. The scopes are checkboxes, so none is ever named twice.
export const CreateKeyFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the key a name that says who uses it, and for what.')
    .max(API_KEY_NAME_MAX_CHARS, `Keep the name within ${API_KEY_NAME_MAX_CHARS} characters.`),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, 'Choose at least one thing the key may do.'),
});
export type CreateKeyFormValues = z.input<typeof CreateKeyFormSchema>;

export const EMPTY_CREATE_KEY_FORM: CreateKeyFormValues = { name: '', scopes: [] };

// What each scope lets a client do, in the words the panel shows.
export const SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  'recordings:write': 'Register link tokens for the recorder to follow',
  'recordings:read': 'Read what its own registered tokens recorded',
  mcp: 'Use the MCP endpoint',
  'checks:run': 'Check a link token against a QA profile (POST /api/checks)',
};
