import { BCRYPT_COSTS } from './auth-users';
import bcrypt from 'bcryptjs';

// bcrypt's work factor: 2^10 rounds, about 70 ms per check in bcryptjs on a small server, the least
// AUTH_USERS accepts. Higher costs every sign-in (and every wrong guess) more CPU; the server
// remembers a passed check, so only the first request of each user pays it.
export const BCRYPT_COST = BCRYPT_COSTS.min;

const MIN_PASSWORD_CHARS = 12;
// bcrypt reads the first 72 bytes of a password and ignores the rest, so a longer one would sign
// in with anything that starts with the same 72 bytes.
export const MAX_PASSWORD_BYTES = 72;

// What is wrong with a password for AUTH_USERS, or undefined when nothing is.
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_CHARS)
    return `Use a password of at least ${MIN_PASSWORD_CHARS} characters.`;
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    return `Use a password of at most ${MAX_PASSWORD_BYTES} bytes (bcrypt ignores the rest; a letter outside ASCII takes 2 to 4).`;
  }
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}
