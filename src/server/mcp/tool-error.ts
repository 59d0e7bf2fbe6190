import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ACTOR_LABELS, diagnoseLookupError } from '../../shared/diagnosis';
import type { LookupFailure } from './read-reply';

// A lookup that failed, as a tool error: the error Plaid (or the inspector) answered, code first,
// with the page's advice for it (diagnoseLookupError), so the assistant can say who acts next.
export function toolError({ error, httpStatus }: LookupFailure): CallToolResult {
  const diagnosis = diagnoseLookupError(error, httpStatus);
  const lines = [
    `${error.error_code}: ${error.error_message}`,
    ...(diagnosis.explanation ? [diagnosis.explanation] : []),
    `Who acts next: ${ACTOR_LABELS[diagnosis.actor]}. Next step: ${diagnosis.nextStep}`,
    `error_type ${error.error_type}${error.request_id ? `, request_id ${error.request_id}` : ''}${diagnosis.retryable ? '; trying again may help' : ''}.`,
  ];
  return { isError: true, content: [{ type: 'text', text: lines.join('\n') }] };
}
