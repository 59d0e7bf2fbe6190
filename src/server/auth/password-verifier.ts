import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { bcryptCost } from './auth-users';
import type { BcryptCompare } from './bcrypt-workers';

// One sign-in attempt, as far as it is known without bcrypt.
export type SignInAttempt = {
  name: string;
  password: string;
  // The same for identical attempts (same name and password), so that those in flight at once can
  // share one check: an HMAC under a key that exists only in this process's memory.
  fingerprint: Buffer;
  // This password passed for this user before: no bcrypt needed.
  remembered: boolean;
};

export type PasswordVerifier = {
  attempt(name: string, password: string): SignInAttempt;
  // bcrypt's verdict ('busy' when the bcrypt workers are full). A password that passes is
  // remembered.
  check(attempt: SignInAttempt): Promise<boolean | 'busy'>;
};

// `users` maps a user name to its bcrypt hash, all of one cost (auth-users.ts). bcrypt is slow on
// purpose (tens of milliseconds per check) and browsers resend basic-auth credentials with every
// request, so a password that passed once is remembered per user, as its fingerprint: later
// requests cost microseconds, and nothing kept is useful outside the process. `compare` runs
// bcrypt off the event loop (bcrypt-workers.ts).
export function createPasswordVerifier(
  users: ReadonlyMap<string, string>,
  compare: BcryptCompare,
): PasswordVerifier {
  const key = randomBytes(32);
  const verified = new Map<string, Buffer>();
  const [someHash = '$2b$10$'] = users.values();
  const unknownUserHash = randomHashOfCost(bcryptCost(someHash));

  return {
    attempt(name, password) {
      // Basic auth ends a user name at the first ":", so the pair is unambiguous.
      const fingerprint = createHmac('sha256', key).update(`${name}:${password}`).digest();
      const remembered = verified.get(name);
      return {
        name,
        password,
        fingerprint,
        remembered: remembered !== undefined && timingSafeEqual(remembered, fingerprint),
      };
    },
    async check(attempt) {
      const hash = users.get(attempt.name);
      // An unknown name is checked against a hash of the users' cost, so that it takes as long to
      // refuse as a wrong password and response times do not reveal which names exist.
      const verdict = await compare(attempt.password, hash ?? unknownUserHash);
      if (hash === undefined) return verdict === 'busy' ? verdict : false;
      if (verdict === true) verified.set(attempt.name, attempt.fingerprint);
      return verdict;
    },
  };
}

const BCRYPT_DIGITS = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// A well-formed bcrypt hash of random salt and digest: checking any password against it costs what
// checking against a real hash of that cost does, and never matches.
function randomHashOfCost(cost: number): string {
  const digits = [...randomBytes(53)].map((byte) => BCRYPT_DIGITS[byte % 64]).join('');
  return `$2b$${String(cost).padStart(2, '0')}$${digits}`;
}
