import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';

export type VerifyPassword = (name: string, password: string) => Promise<boolean>;

// Checked against when the user name is unknown, so that an unknown name takes as long to refuse
// as a wrong password and response times do not reveal which names exist.
const UNKNOWN_USER_HASH = '$2b$10$lKVIbC7qeNRUtQweux3fPOuD1APJ5C0depoHUR0BIV/AEaBnRZiK.';

// `users` maps a user name to its bcrypt hash. bcrypt is slow on purpose (tens of milliseconds per
// check) and browsers resend basic-auth credentials with every request, so a password that passed
// once is remembered per user, as an HMAC under a key that exists only in this process's memory:
// later requests cost microseconds, and nothing kept is useful outside the process.
export function createPasswordVerifier(users: ReadonlyMap<string, string>): VerifyPassword {
  const key = randomBytes(32);
  const verified = new Map<string, Buffer>();

  return async (name, password) => {
    const hash = users.get(name);
    if (hash === undefined) {
      await bcrypt.compare(password, UNKNOWN_USER_HASH);
      return false;
    }
    const fingerprint = createHmac('sha256', key).update(password).digest();
    const remembered = verified.get(name);
    if (remembered && timingSafeEqual(remembered, fingerprint)) return true;
    if (!(await bcrypt.compare(password, hash))) return false;
    verified.set(name, fingerprint);
    return true;
  };
}
