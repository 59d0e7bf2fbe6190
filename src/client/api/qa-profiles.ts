import { API_PATHS } from '../../shared/api-paths';
import { QaProfileSchema, type QaProfile, type QaProfileInput } from '../../shared/checks/qa-profile';
import {
  QaProfileImportedSchema,
  QaProfileListSchema,
  type QaProfileImported,
  type QaProfileList,
} from '../../shared/checks/qa-profile-api';
import { requestJson, requestText } from './request-json';

// /api/qa-profiles: the team's QA profiles (issue 30), kept in the server's store.

export const qaProfilesQuery = {
  queryKey: ['qa-profiles'],
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<QaProfileList> =>
    (await requestJson(API_PATHS.qaProfiles, QaProfileListSchema, { signal })).data,
} as const;

const profilePath = (id: string) => `${API_PATHS.qaProfiles}/${encodeURIComponent(id)}`;

export async function createQaProfile(input: QaProfileInput): Promise<QaProfile> {
  return (await requestJson(API_PATHS.qaProfiles, QaProfileSchema, { method: 'POST', body: input })).data;
}

export async function updateQaProfile(id: string, input: QaProfileInput): Promise<QaProfile> {
  return (await requestJson(profilePath(id), QaProfileSchema, { method: 'PUT', body: input })).data;
}

export async function deleteQaProfile(id: string): Promise<QaProfile> {
  return (await requestJson(profilePath(id), QaProfileSchema, { method: 'DELETE' })).data;
}

// The export file as the server makes it, to save as it is.
export async function exportQaProfiles(): Promise<{ text: string; type: string }> {
  return requestText(API_PATHS.qaProfilesExport);
}

// A file the user chose, sent as parsed: the server checks it with the profile schema.
export async function importQaProfiles(file: unknown): Promise<QaProfileImported> {
  return (
    await requestJson(API_PATHS.qaProfilesImport, QaProfileImportedSchema, { method: 'POST', body: file })
  ).data;
}
