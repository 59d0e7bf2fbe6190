import type { StatusTone } from '../domain/status-tone';
import type { CheckStatus } from './check-report';

// The words and tones of a check's status, the same in the answer, the evidence and the API's
// readers. A check that cannot be told is neutral, never a pass.
export const CHECK_STATUS_LABELS: Readonly<Record<CheckStatus, string>> = {
  pass: 'Pass',
  fail: 'Fail',
  unknown: 'Unknown',
};

export const CHECK_STATUS_TONES: Readonly<Record<CheckStatus, StatusTone>> = {
  pass: 'success',
  fail: 'failure',
  unknown: 'neutral',
};

// "3 pass, 1 fails, 1 unknown": the report's rows counted by status, in that order.
export function checkCounts(statuses: readonly CheckStatus[]): string {
  const count = (status: CheckStatus) => statuses.filter((candidate) => candidate === status).length;
  const fails = count('fail');
  return [
    `${count('pass')} pass`,
    `${fails} ${fails === 1 ? 'fails' : 'fail'}`,
    `${count('unknown')} unknown`,
  ].join(', ');
}
