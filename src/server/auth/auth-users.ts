// AUTH_USERS lists the people allowed in: `alice:<bcrypt hash>,bob:<bcrypt hash>`. bcrypt hashes
// contain neither "," nor ":", so the list splits unambiguously. Made by `npm run hash-password`.
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;
// bcrypt costs accepted. Each step doubles the time of a check: below 10 a stolen hash is cheap to
// crack; above 14 (about a second per check in bcryptjs) every sign-in would crawl. Every user has
// the same cost, or the time a wrong password takes tells the names apart (an unknown name is
// checked against a hash of that cost too).
export const BCRYPT_COSTS = { min: 10, max: 14 } as const;
const USER_NAME = /^[^\s:,]+$/;

export type AuthUsersResult = { ok: true; users: Map<string, string> } | { ok: false; problem: string };

export function parseAuthUsers(value: string): AuthUsersResult {
  const users = new Map<string, string>();
  let sharedCost: number | undefined;
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
    const cost = bcryptCost(hash);
    if (cost < BCRYPT_COSTS.min || cost > BCRYPT_COSTS.max) {
      return {
        ok: false,
        problem: `the hash for "${name}" has bcrypt cost ${cost}; use a cost from ${BCRYPT_COSTS.min} to ${BCRYPT_COSTS.max} (npm run hash-password makes ${BCRYPT_COSTS.min})`,
      };
    }
    sharedCost ??= cost;
    if (cost !== sharedCost) {
      return {
        ok: false,
        problem: `the hash for "${name}" has bcrypt cost ${cost}, the ones before it ${sharedCost}: give every user the same cost, or the time a wrong password takes tells the names apart`,
      };
    }
    if (users.has(name)) return { ok: false, problem: `"${name}" is listed twice` };
    users.set(name, hash);
  }
  if (users.size === 0) return { ok: false, problem: 'it lists no users' };
  return { ok: true, users };
}

// The cost written in a bcrypt hash ($2b$10$… is 10).
export function bcryptCost(hash: string): number {
  return Number(hash.slice(4, 6));
}
