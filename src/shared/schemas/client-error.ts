// Errors detected in the browser itself share PlaidError's shape; this type tells them apart (the
// server never sends it).
export const CLIENT_ERROR_TYPE = 'CLIENT_ERROR';
