import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isTrustedAddress, type TrustedProxies } from './trusted-proxies';

// The address of the machine at the other end of the TCP connection: the browser, or the reverse
// proxy in front of us. Never read from a header, so a client cannot choose it.
export function peerAddress(c: Context): string | undefined {
  // app.request() (in-process tests) has no socket, so there is no peer to name.
  if (!c.env?.incoming) return undefined;
  return normaliseAddress(getConnInfo(c).remote.address);
}

// Node reports IPv4 peers on a dual-stack socket as ::ffff:10.0.0.1; operators write 10.0.0.1.
export function normaliseAddress(address: string | undefined): string | undefined {
  return address?.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

export function isTrustedProxy(c: Context, trustedProxies: TrustedProxies): boolean {
  const address = peerAddress(c);
  return address !== undefined && isTrustedAddress(trustedProxies, address);
}

// The browser's address. Behind a trusted reverse proxy every connection comes from the proxy, so
// it is the one the proxy appended last to X-Forwarded-For.
export function clientAddress(c: Context, trustedProxies: TrustedProxies): string | undefined {
  const forwarded = c.req.header('X-Forwarded-For');
  if (forwarded && isTrustedProxy(c, trustedProxies))
    return normaliseAddress(forwarded.split(',').pop()?.trim());
  return peerAddress(c);
}
