import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isIP } from 'node:net';
import { mappedIpv4 } from './ip-address';
import { isTrustedAddress, type TrustedProxies } from './trusted-proxies';

// The address of the machine at the other end of the TCP connection: the browser, or the reverse
// proxy in front of us. Never read from a header, so a client cannot choose it.
export function peerAddress(c: Context): string | undefined {
  // app.request() (in-process tests) has no socket, so there is no peer to name.
  if (!c.env?.incoming) return undefined;
  return normaliseAddress(getConnInfo(c).remote.address);
}

// One spelling per address, so that the sign-in throttle counts each client once however its
// address is written: proxies write X-Forwarded-For entries as 203.0.113.9:4711, [2001:db8::1]
// or [2001:db8::1]:443, and IPv4 clients of a dual-stack socket appear as ::ffff:203.0.113.9
// (in any case, or in hex). Undefined when the text is no IP address at all.
export function normaliseAddress(written: string | undefined): string | undefined {
  const text = written?.trim().toLowerCase() ?? '';
  const address =
    /^\[([^\]]*)\](?::\d{1,5})?$/.exec(text)?.[1] ?? /^([\d.]+):\d{1,5}$/.exec(text)?.[1] ?? text;
  switch (isIP(address)) {
    case 4:
      return address;
    case 6:
      return mappedIpv4(address) ?? address;
    default:
      return undefined;
  }
}

export function isTrustedProxy(c: Context, trustedProxies: TrustedProxies): boolean {
  const address = peerAddress(c);
  return address !== undefined && isTrustedAddress(trustedProxies, address);
}

// The browser's address. Behind a trusted reverse proxy every connection comes from the proxy, so
// it is the one the proxy appended last to X-Forwarded-For; when that is no address, the proxy's
// own, so that such requests are counted together rather than each under a name of its own.
export function clientAddress(c: Context, trustedProxies: TrustedProxies): string | undefined {
  const forwarded = c.req.header('X-Forwarded-For');
  if (forwarded && isTrustedProxy(c, trustedProxies))
    return normaliseAddress(forwarded.split(',').pop()) ?? peerAddress(c);
  return peerAddress(c);
}
