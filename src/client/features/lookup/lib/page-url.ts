import { checkLinkToken } from '../../../../shared/link-token';

// The page URL carries at most the link token (shared links, bookmarks, one history entry per
// lookup). Credentials must never sit in a URL — it ends up in history, logs and screenshots — so
// any that arrive there are removed at once and never read.
const CREDENTIAL_PARAMS = ['client_id', 'secret'];

export function linkTokenFromUrl(url: string): string {
  return new URL(url).searchParams.get('link_token')?.trim() ?? '';
}

// Returns the URL without credential parameters, or null when there were none to remove.
export function withoutCredentials(url: string): string | null {
  const parsed = new URL(url);
  const found = CREDENTIAL_PARAMS.filter((name) => parsed.searchParams.has(name));
  if (found.length === 0) return null;
  for (const name of found) parsed.searchParams.delete(name);
  return parsed.toString();
}

export function removeCredentialsFromPageUrl(): void {
  const cleaned = withoutCredentials(window.location.href);
  if (cleaned !== null) window.history.replaceState(window.history.state, '', cleaned);
}

// The page URL for a lookup of `linkToken`, or null when the URL already names that token (a
// repeated lookup, a Retry, or the lookup a shared link or Back started), so that history holds
// one entry per token looked up. Everything else in the URL stays as it is.
export function urlForLookup(url: string, linkToken: string): string | null {
  const current = checkLinkToken(linkTokenFromUrl(url));
  const next = checkLinkToken(linkToken);
  if (current.ok && next.ok && current.token === next.token) return null;
  const parsed = new URL(url);
  parsed.searchParams.set('link_token', next.ok ? next.token : linkToken.trim());
  return parsed.toString();
}

export function shareableLink(origin: string, linkToken: string): string {
  return `${origin}/?link_token=${encodeURIComponent(linkToken)}`;
}
