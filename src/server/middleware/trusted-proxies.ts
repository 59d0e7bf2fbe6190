import { BlockList, isIP } from 'node:net';

// TRUSTED_PROXIES: the reverse proxies whose forwarded headers are believed, as single addresses
// (10.0.0.5, ::1) or CIDR ranges (10.0.0.0/16, fd00::/8): a load balancer or an ingress controller
// often connects from any address of a subnet. Node's BlockList does the matching; here it lists
// the proxies we trust, not addresses we block.

export type TrustedProxies = BlockList;

// The first entry that is neither an IP address nor a CIDR range, if any.
export function findInvalidProxyEntry(entries: readonly string[]): string | undefined {
  return entries.find((entry) => parseEntry(entry) === undefined);
}

// The first entry that is a range of every address (0.0.0.0/0, ::/0), if any: trusting it would let
// anyone on the network name any user and claim https.
export function findEveryAddressEntry(entries: readonly string[]): string | undefined {
  return entries.find((entry) => parseEntry(entry)?.prefix === 0);
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
