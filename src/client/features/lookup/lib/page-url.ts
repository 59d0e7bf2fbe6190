// The page URL carries at most the link token (shared links, bookmarks). Credentials must never
// sit in a URL — it ends up in history, logs and screenshots — so any that arrive there are
// removed at once and never read.
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

export function shareableLink(origin: string, linkToken: string): string {
  return `${origin}/?link_token=${encodeURIComponent(linkToken)}`;
}
