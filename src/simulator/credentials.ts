// The only client_id / secret pair the simulator accepts. The server uses the same pair as its
// own credentials in simulator mode, so a lookup without credentials works out of the box, while
// a wrong pair typed into the form still meets Plaid's INVALID_API_KEYS like it would for real.
export const SIMULATOR_CLIENT_ID = 'simulator-client-id';
export const SIMULATOR_SECRET = 'simulator-secret';
