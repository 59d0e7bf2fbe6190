import { isIP } from 'node:net';
import { ipv6Groups } from './ip-address';

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
  const block = ipv6Groups(withoutZone)
    .slice(0, 4)
    .map((group) => group.toString(16));
  return `${block.join(':')}::/64`;
}
