import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Plaid's request_id is a short random alphanumeric string (e.g. "Nnclj9HntPMu5dm"); each answer
// gets a fresh one, as support asks for it per request.
export function newRequestId(): string {
  let id = '';
  for (let i = 0; i < 15; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}
