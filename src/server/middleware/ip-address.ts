// IP addresses as numbers, for comparing ranges and spellings. Callers pass addresses that
// node:net's isIP() accepts (an IPv6 zone, %eth0, is ignored).

// The eight 16-bit groups of an IPv6 address, however it is written (::, leading zeros, upper
// case, a dotted IPv4 ending such as ::ffff:192.0.2.1).
export function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const written = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => (group.includes('.') ? ipv4Groups(group) : [parseInt(group, 16)]));
  const before = written(head);
  const after = tail === undefined ? [] : written(tail);
  const zeros = Array.from({ length: 8 - before.length - after.length }, () => 0);
  return [...before, ...zeros, ...after];
}

// A dotted IPv4 address as the two 16-bit groups it stands for.
function ipv4Groups(dotted: string): number[] {
  const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
  return [(a << 8) | b, (c << 8) | d];
}

// An address as one number: 32 bits for IPv4, 128 for IPv6.
export function addressBits(address: string, family: 'ipv4' | 'ipv6'): bigint {
  const groups = family === 'ipv4' ? ipv4Groups(address) : ipv6Groups(address);
  return groups.reduce((bits, group) => (bits << 16n) | BigInt(group), 0n);
}

// The IPv4 address an IPv4-mapped IPv6 address (::ffff:192.0.2.1, ::ffff:c000:201) stands for.
export function mappedIpv4(address: string): string | undefined {
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).some((group) => group !== 0) || groups[5] !== 0xffff) return undefined;
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
