import { createHash } from 'node:crypto';

// Fixture identifiers are derived from a seed (e.g. "success/session-1/event-3") so every answer
// for a fixture is the same from one request to the next, while each identifier still looks like
// the real thing.

function digest(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

// An RFC 4122 version 4 UUID (8-4-4-4-12 hex, version nibble 4, variant 8..b).
export function fixtureUuid(seed: string): string {
  const hex = digest(seed);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Plaid's item_id, account_id and request_id are base62 strings (37 and 15 characters).
export function fixtureBase62(seed: string, length: number): string {
  const bytes = Buffer.from(digest(seed) + digest(`${seed}/more`), 'hex');
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[bytes[i]! % 62];
  return out;
}

export function fixtureRequestId(seed: string): string {
  return fixtureBase62(`request/${seed}`, 15);
}
