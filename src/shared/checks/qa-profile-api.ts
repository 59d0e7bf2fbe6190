import { z } from 'zod';
import { QaProfileSchema } from './qa-profile';

// The answers of /api/qa-profiles beside the contract's schemas (qa-profile.ts): the list, and what
// an import created.

export const QaProfileListSchema = z.object({ profiles: z.array(QaProfileSchema) });
export type QaProfileList = z.infer<typeof QaProfileListSchema>;

export const QaProfileImportedSchema = z.object({ created: z.array(QaProfileSchema) });
export type QaProfileImported = z.infer<typeof QaProfileImportedSchema>;

// An import file may hold 500 profiles: more than the API's usual 16 KB body.
export const QA_PROFILE_IMPORT_MAX_BYTES = 1024 * 1024;

// A zod error as one line naming each bad field by its path ("profiles.2.expectations.webhook:
// Invalid URL"), at most five of them, so a person can find and fix them.
export function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - issues.length;
  return issues.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
