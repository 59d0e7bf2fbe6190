import { BlockList, isIP } from 'node:net';
import { addressBits } from './ip-address';

// TRUSTED_PROXIES: the reverse proxies whose forwarded headers are believed, as single addresses
// (10.0.0.5, ::1) or CIDR ranges (10.0.0.0/16, fd00::/8): a load balancer or an ingress controller
// often connects from any address of a subnet. Node's BlockList does the matching; here it lists
// the proxies we trust, not addresses we block.

export type TrustedProxies = BlockList;

// The first entry that is neither an IP address nor a CIDR range, if any.
export function findInvalidProxyEntry(entries: readonly string[]): string | undefined {
  return entries.find((entry) => parseEntry(entry) === undefined);
}

// The shortest prefixes trusted: a proxy's subnet is never wider than a /8 (16 million IPv4
// addresses) or an IPv6 /32 (a whole provider's allocation). Anything wider is a mistake that lets
// most of the network name any user and claim https.
export const MIN_PREFIX = { ipv4: 8, ipv6: 32 } as const;

// What makes these entries trust far too many addresses, naming the entries, or undefined when
// nothing does: a range wider than MIN_PREFIX (IPv4-mapped IPv6 ranges, ::ffff:0:0/96, count as
// the IPv4 range they stand for), or ranges that together cover every address.
export function tooWideProblem(entries: readonly string[]): string | undefined {
  const parsed = entries.map((entry) => ({ entry, ...parseEntry(entry)! }));
  const ranges = parsed.map(({ entry, ...written }) => ({ entry, ...rangeOf(written) }));
  // As written first (::/0 is too wide an IPv6 range), then as the IPv4 range it may stand for.
  for (const { entry, type, prefix } of [...parsed, ...ranges]) {
    if (prefix !== undefined && prefix < MIN_PREFIX[type])
      return `"${entry}" is wider than an ${type === 'ipv4' ? 'IPv4' : 'IPv6'} /${MIN_PREFIX[type]}`;
  }
  for (const type of ['ipv4', 'ipv6'] as const) {
    const ofType = ranges.filter((range) => range.type === type);
    if (coversEverything(ofType, type === 'ipv4' ? 32 : 128)) {
      return `${ofType.map(({ entry }) => `"${entry}"`).join(', ')} together cover every ${type === 'ipv4' ? 'IPv4' : 'IPv6'} address`;
    }
  }
  return undefined;
}

// Entries must have passed findInvalidProxyEntry.
export function trustedProxyList(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const { address, prefix, type } = parseEntry(entry)!;
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

export function isTrustedAddress(proxies: TrustedProxies, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

type Entry = { address: string; prefix: number | undefined; type: 'ipv4' | 'ipv6' };

function parseEntry(entry: string): Entry | undefined {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return undefined;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) return { address, prefix: undefined, type };
  const bits = Number(prefix);
  const maxBits = family === 6 ? 128 : 32;
  if (!/^\d{1,3}$/.test(prefix) || bits > maxBits) return undefined;
  return { address, prefix: bits, type };
}

// An entry as the range it trusts: a single address is a range of one. An IPv6 range of
// IPv4-mapped addresses (::ffff:10.0.0.0/104) is the IPv4 range it stands for, since Node reports
// IPv4 peers of a dual-stack socket that way and BlockList matches IPv4 addresses against it.
type Range = { type: 'ipv4' | 'ipv6'; first: bigint; prefix: number };

const IPV4_MAPPED = 0xffffn << 32n;

function rangeOf({ address, prefix, type }: Entry): Range {
  const bits = type === 'ipv4' ? 32 : 128;
  const length = prefix ?? bits;
  const first = (addressBits(address, type) >> BigInt(bits - length)) << BigInt(bits - length);
  if (type === 'ipv6' && length >= 96 && first >> 32n === IPV4_MAPPED >> 32n)
    return { type: 'ipv4', first: first & 0xffffffffn, prefix: length - 96 };
  // A wider IPv6 range that holds ::ffff:0:0/96 trusts every IPv4 peer.
  if (type === 'ipv6' && length < 96 && IPV4_MAPPED >> BigInt(128 - length) === first >> BigInt(128 - length))
    return { type: 'ipv4', first: 0n, prefix: 0 };
  return { type, first, prefix: length };
}

function coversEverything(ranges: readonly Range[], bits: number): boolean {
  const spans = ranges
    .map(({ first, prefix }) => ({ first, end: first + (1n << BigInt(bits - prefix)) }))
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let coveredUpTo = 0n;
  for (const { first, end } of spans) {
    if (first > coveredUpTo) return false;
    if (end > coveredUpTo) coveredUpTo = end;
  }
  return coveredUpTo === 1n << BigInt(bits);
}
