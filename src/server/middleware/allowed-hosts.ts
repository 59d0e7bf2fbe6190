import { isIP } from 'node:net';
import { createMiddleware } from 'hono/factory';
import { refuseRequest } from '../proxy-error-response';

// DNS rebinding: an attacker's web page whose name is re-pointed to this machine's address talks
// to this server as a same-origin page of its own name, and would use the server's Plaid
// credentials. Its requests carry that name in Host, so only the names this server is meant to be
// reached by are answered: the loopback names, on any port, and those in ALLOWED_HOSTS.
// An IP address in Host cannot be rebound (the page's own origin is that address), but only the
// loopback ones are allowed without being listed, so that a network set-up names its addresses.

export type AllowedHosts = ReadonlySet<string>;

// Host names as they stand in a Host header or URL, without port: lower case, IPv6 in brackets.
const DNS_NAME = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;

// The first ALLOWED_HOSTS entry that is not a host name, if any.
export function findInvalidHostEntry(entries: readonly string[]): string | undefined {
  return entries.find((entry) => !isHostName(entry.toLowerCase()));
}

export function allowedHostList(entries: readonly string[]): AllowedHosts {
  return new Set(entries.map((entry) => entry.toLowerCase()));
}

function isHostName(name: string): boolean {
  if (name.startsWith('[') && name.endsWith(']')) return isIP(name.slice(1, -1)) === 6;
  return DNS_NAME.test(name) && name.length <= 253;
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

// The name in a Host header ("Name.Example.:3000", "[::1]:3000"): lower case, without the port
// or a final dot.
export function hostNameOf(host: string): string {
  const lower = host.toLowerCase();
  const portColon = lower.startsWith('[') ? lower.indexOf(':', lower.indexOf(']')) : lower.lastIndexOf(':');
  const name = portColon === -1 ? lower : lower.slice(0, portColon);
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

export function isAllowedHostName(name: string, allowedHosts: AllowedHosts): boolean {
  return isLoopbackName(name) || allowedHosts.has(name);
}

export function allowedHostsOnly(allowedHosts: AllowedHosts) {
  return createMiddleware(async (c, next) => {
    // Node requires Host on HTTP/1.1; in-process test requests have none and use the URL's.
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    const name = hostNameOf(host);
    if (!isAllowedHostName(name, allowedHosts)) {
      return refuseRequest(
        c,
        'FORBIDDEN_HOST',
        `This server does not answer to the name "${name.slice(0, 253)}". Open it at the address its operator gave you (operators: add the name to ALLOWED_HOSTS).`,
      );
    }
    await next();
  });
}
