import { checkLinkToken } from '../../shared/link-token';

// What the address bar holds, so that a reload, a bookmark or a shared link opens the same place
// and Back and Forward step through the places visited: the view (?view=batch; the lookup is the
// default and is not named), the link token looked up (?link_token=) and whether it is the answer
// the inspector's store kept rather than Plaid's now (?kept=1, the permalink). Each change the user
// makes is a history entry. Credentials must never sit in a URL (it ends up in history, logs and
// screenshots), so any that arrive there are removed at once and never read.

export type View = 'lookup' | 'batch' | 'keys';
export type Address = { view: View; linkToken: string; kept: boolean };

const CREDENTIAL_PARAMS = ['client_id', 'secret'];
// The views named in the address (?view=keys: the API keys).
const NAMED_VIEWS: readonly View[] = ['batch', 'keys'];

export function readAddress(url: string): Address {
  const params = new URL(url).searchParams;
  return {
    view: NAMED_VIEWS.find((view) => view === params.get('view')) ?? 'lookup',
    linkToken: params.get('link_token')?.trim() ?? '',
    kept: params.get('kept') === '1',
  };
}

// `url` changed to name what `change` gives, or null when it names all of it already (a repeated
// lookup, a Retry, the lookup a shared link or Back started), so that history holds one entry per
// place. A token is compared as a link token (letter case and spaces aside). Everything else in
// the URL stays as it is.
export function addressUrl(url: string, change: Partial<Address>): string | null {
  const current = readAddress(url);
  const parsed = new URL(url);
  let changed = false;
  if (change.view !== undefined && change.view !== current.view) {
    if (change.view === 'lookup') parsed.searchParams.delete('view');
    else parsed.searchParams.set('view', change.view);
    changed = true;
  }
  if (change.linkToken !== undefined) {
    const before = checkLinkToken(current.linkToken);
    const after = checkLinkToken(change.linkToken);
    if (!(before.ok && after.ok && before.token === after.token)) {
      parsed.searchParams.set('link_token', after.ok ? after.token : change.linkToken.trim());
      changed = true;
    }
  }
  if (change.kept !== undefined && change.kept !== current.kept) {
    if (change.kept) parsed.searchParams.set('kept', '1');
    else parsed.searchParams.delete('kept');
    changed = true;
  }
  return changed ? parsed.toString() : null;
}

export function currentAddress(): Address {
  return readAddress(window.location.href);
}

// A place the user went to: a new history entry, unless the address names it already.
export function goTo(change: Partial<Address>): void {
  const url = addressUrl(window.location.href, change);
  if (url !== null) window.history.pushState(null, '', url);
}

// Back and Forward: `listener` hears the address they lead to. Returns the way to stop listening.
export function onAddressChange(listener: (address: Address) => void): () => void {
  const onPopState = () => listener(currentAddress());
  window.addEventListener('popstate', onPopState);
  return () => window.removeEventListener('popstate', onPopState);
}

// Returns the URL without credential parameters, or null when there were none to remove.
export function withoutCredentials(url: string): string | null {
  const parsed = new URL(url);
  const found = CREDENTIAL_PARAMS.filter((name) => parsed.searchParams.has(name));
  if (found.length === 0) return null;
  for (const name of found) parsed.searchParams.delete(name);
  return parsed.toString();
}

// Replaced, not pushed: Back must not lead to the address with the credentials.
export function removeCredentialsFromAddress(): void {
  const cleaned = withoutCredentials(window.location.href);
  if (cleaned !== null) window.history.replaceState(window.history.state, '', cleaned);
}

// The link to a lookup for others: the token only (no view: it opens on the lookup).
export function shareableLink(origin: string, linkToken: string): string {
  return `${origin}/?link_token=${encodeURIComponent(linkToken)}`;
}
