// AUTH_USERS lists the people allowed in: `alice:<bcrypt hash>,bob:<bcrypt hash>`. bcrypt hashes
// contain neither "," nor ":", so the list splits unambiguously. Made by `npm run hash-password`.
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;
const USER_NAME = /^[^\s:,]+$/;

export type AuthUsersResult = { ok: true; users: Map<string, string> } | { ok: false; problem: string };

export function parseAuthUsers(value: string): AuthUsersResult {
  const users = new Map<string, string>();
  const entries = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (const [index, entry] of entries.entries()) {
    const separator = entry.indexOf(':');
    const name = entry.slice(0, separator);
    const hash = entry.slice(separator + 1);
    if (separator <= 0 || !USER_NAME.test(name)) {
      // Entries are never echoed: a pasted plain password would otherwise land in the logs.
      return { ok: false, problem: `entry ${index + 1} is not name:bcrypt-hash` };
    }
    if (!BCRYPT_HASH.test(hash)) {
      return {
        ok: false,
        problem: `the entry for "${name}" is not a bcrypt hash (make one with npm run hash-password)`,
      };
    }
    if (users.has(name)) return { ok: false, problem: `"${name}" is listed twice` };
    users.set(name, hash);
  }
  if (users.size === 0) return { ok: false, problem: 'it lists no users' };
  return { ok: true, users };
}
