import bcrypt from 'bcryptjs';

// bcrypt's work factor: 2^10 rounds, about 70 ms per check in bcryptjs on a small server. Higher
// costs every sign-in (and every wrong guess) more CPU; the server remembers a passed check, so
// only the first request of each user pays it.
export const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}
