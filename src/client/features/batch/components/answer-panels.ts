import type { ComponentType } from 'react';
import type { ApiError } from '../../../api/api-error';
import type { LookupSuccess } from '../../../api/lookup-link-token';
import type { BatchRunLookup } from '../lib/bank-targets';

// The panels that show a row's answer come from the answer feature, which the app hands over
// (features do not import each other). This is what the batch gives them.
export type AnswerPanels = {
  StatusPanel: ComponentType<{ result: LookupSuccess; answeredAt?: number; lookup?: BatchRunLookup }>;
  ErrorPanel: ComponentType<{ error: ApiError; failedAt?: number; linkToken: string }>;
};
