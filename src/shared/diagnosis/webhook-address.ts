// Whether Plaid, calling from the public internet, can reach a webhook URL at all. Only what the URL
// itself proves is judged: a public name that resolves to a private address is not caught here.

const INTERNAL_SUFFIXES = ['.localhost', '.local', '.internal'];

// [first address as a number, prefix length, what it is]
const PRIVATE_IPV4_RANGES: ReadonlyArray<[string, number, string]> = [
  ['0.0.0.0', 8, 'a “this network” address'],
  ['10.0.0.0', 8, 'a private address (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address'],
  ['172.16.0.0', 12, 'a private address (172.16.0.0/12)'],
  ['192.168.0.0', 16, 'a private address (192.168.0.0/16)'],
];

function ipv4Number(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return null;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function privateIpv4(address: string): string | null {
  const value = ipv4Number(address);
  if (value === null) return null;
  for (const [start, prefix, what] of PRIVATE_IPV4_RANGES) {
    const size = 2 ** (32 - prefix);
    const first = ipv4Number(start)!;
    if (value >= first && value < first + size) return what;
  }
  return null;
}

// The eight 16-bit groups of an IPv6 address as the URL parser writes it (compressed, lower case,
// never with an embedded IPv4 part).
function ipv6Groups(address: string): number[] | null {
  const [head = '', tail, ...rest] = address.split('::');
  if (rest.length > 0) return null;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
}

function privateIpv6(address: string): string | null {
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const [first = 0] = groups;
  const allZeroBefore = (index: number) => groups.slice(0, index).every((group) => group === 0);
  if (allZeroBefore(7) && groups[7] === 1) return 'a loopback address';
  if (allZeroBefore(8)) return 'the unspecified address';
  if ((first & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((first & 0xfe00) === 0xfc00) return 'a private (unique local) address';
  // ::ffff:a.b.c.d, an IPv4 address written as IPv6.
  if (allZeroBefore(5) && groups[5] === 0xffff) {
    const high = groups[6]!;
    const low = groups[7]!;
    return privateIpv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return null;
}

// Why Plaid cannot reach this webhook ("localhost", "a private address (10.0.0.0/8)", …), or null
// when nothing in the URL says so.
export function unreachableWebhookReason(webhook: string): string | null {
  let url: URL;
  try {
    url = new URL(webhook);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `not a web address (${url.protocol})`;
  // The URL parser lower-cases names and rewrites IPv4 written in other forms (2130706433, 0x7f.1)
  // as dotted decimal; the trailing dot of a fully qualified name is dropped here.
  const host = url.hostname.replace(/\.$/, '');
  if (host === 'localhost') return 'localhost';
  const suffix = INTERNAL_SUFFIXES.find((candidate) => host.endsWith(candidate));
  if (suffix) return `an internal-only name (${suffix})`;
  if (host.startsWith('[') && host.endsWith(']')) return privateIpv6(host.slice(1, -1));
  return privateIpv4(host);
}
