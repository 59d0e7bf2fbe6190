import { isIP } from 'node:net';

// Which counters one wrong password adds to (see sign-in-throttle.ts for the counting): the
// client's address and the user name tried. IPv6 clients are counted per /64, the block one
// customer usually gets, within which addresses cost nothing to rotate; the user name is counted
// too, so that guesses at one account from many addresses add up.

// Longer names are cut: the key is what the throttle keeps in memory.
const MAX_NAME_CHARS = 128;

export function signInThrottleKeys(
  clientAddress: string | undefined,
  userName: string | undefined,
): string[] {
  const address = `address:${clientAddress === undefined ? 'unknown' : addressBlock(clientAddress)}`;
  return userName === undefined ? [address] : [address, `user:${userName.slice(0, MAX_NAME_CHARS)}`];
}

function addressBlock(address: string): string {
  const withoutZone = address.split('%')[0]!;
  if (isIP(withoutZone) !== 6) return address;
  return `${ipv6Groups(withoutZone).slice(0, 4).join(':')}::/64`;
}

// The eight 16-bit groups of a valid IPv6 address, in lower-case hex without leading zeros.
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const written = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => (group.includes('.') ? ipv4Groups(group) : [group]));
  const before = written(head);
  const after = tail === undefined ? [] : written(tail);
  const zeros = Array.from({ length: 8 - before.length - after.length }, () => '0');
  return [...before, ...zeros, ...after].map((group) => parseInt(group, 16).toString(16));
}

// A dotted IPv4 ending (::ffff:192.0.2.1) as the two groups it stands for.
function ipv4Groups(dotted: string): string[] {
  const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
