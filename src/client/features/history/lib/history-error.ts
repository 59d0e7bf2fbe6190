import type { ApiError } from '../../../api/api-error';

// What History says when it cannot show the list: what happened in words, and what to do. Each
// failure a user can meet has its own; the server's message is shown beside it.
export type HistoryProblem = { title: string; nextStep: string; retryable: boolean };

// Said by the server when it runs without a store (src/server/routes): nothing is kept, so there
// is nothing to list, and trying again will not change that.
const NO_STORE_MESSAGE = /keeps no answers/i;

export function historyProblem(error: ApiError): HistoryProblem {
  const { error_code: code, error_message: message } = error.error;
  switch (code) {
    case 'STORE_UNAVAILABLE':
      return NO_STORE_MESSAGE.test(message)
        ? {
            title: 'This inspector keeps no answers, so History has nothing to list',
            nextStep:
              'History lists what the inspector keeps of the tokens it sees. Whoever runs it turns the store on (DATA_DIR or DATABASE_URL, docs/operations.md); meanwhile look tokens up one by one or in Batch.',
            retryable: false,
          }
        : {
            title: 'The store of kept answers cannot be reached right now',
            nextStep:
              'Try again in a moment. If it persists, whoever runs the inspector checks its store (/readyz); lookups with Plaid still work meanwhile.',
            retryable: true,
          };
    case 'UNAUTHORIZED':
      return {
        title: 'You are not signed in to the inspector',
        nextStep: 'Reload the page to sign in again, then open History.',
        retryable: false,
      };
    case 'INVALID_QUERY':
      return {
        title: 'The server cannot use a filter in this address',
        nextStep: 'Clear the filters, or correct the one the message names.',
        retryable: false,
      };
    case 'RATE_LIMITED':
      return {
        title: 'Too many requests to the inspector in the last minute',
        nextStep: error.retryAfterSeconds
          ? `Wait ${error.retryAfterSeconds} s, then try again.`
          : 'Wait a moment, then try again.',
        retryable: true,
      };
    case 'NETWORK_ERROR':
      return {
        title: 'The inspector’s server cannot be reached',
        nextStep: 'Check your connection and that the server is running, then try again.',
        retryable: true,
      };
    case 'CLIENT_TIMEOUT':
      return {
        title: 'The inspector’s server did not answer in time',
        nextStep: 'Try again; a narrower filter (a date range) asks less of it.',
        retryable: true,
      };
    case 'NOT_FOUND':
      return {
        title: 'This server has no History',
        nextStep: 'It runs an older version of the inspector: whoever runs it updates it.',
        retryable: false,
      };
    default:
      return {
        title: 'History could not be loaded',
        nextStep: 'Try again; if it fails again, tell whoever runs the inspector, with the message below.',
        retryable: true,
      };
  }
}
