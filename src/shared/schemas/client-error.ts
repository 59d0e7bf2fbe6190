// Errors detected in the browser itself share PlaidError's shape; this type tells them apart (the
// server never sends it).
export const CLIENT_ERROR_TYPE = 'CLIENT_ERROR';

// What the browser reports when no usable answer arrived: the server could not be reached, it sent
// something that is not a PlaidError or a LinkTokenGetResponse, or it did not answer in time.
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'UNEXPECTED_RESPONSE', 'CLIENT_TIMEOUT'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
