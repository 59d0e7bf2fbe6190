import type { ComponentType } from 'react';
import type { ApiError } from '../../../api/api-error';
import type { InstitutionScope } from '../../../api/get-institution';
import type { LookupSuccess } from '../../../api/lookup-link-token';

// The panels that show an answer come from the answer feature, which the app hands over (features
// do not import each other). This is what the lookup gives them.
export type AnswerPanels = {
  StatusPanel: ComponentType<{
    result: LookupSuccess;
    answeredAt: number;
    inspectorUrl?: string;
    newEventIds: ReadonlySet<string>;
    lookup: { id: string; credentials: InstitutionScope['credentials'] };
  }>;
  ErrorPanel: ComponentType<{ error: ApiError; failedAt: number; linkToken?: string; inspectorUrl?: string }>;
};
