import { z } from 'zod';
import { checkLinkToken } from '../../shared/link-token';
import type { HistoryFilter } from '../../shared/history/history-api';
import { sessionJson } from './session-json';
import { HISTORY_PARAMS, historyFilterParams, NO_HISTORY_FILTER, readHistoryFilter } from './history-filter';

// What the address bar holds, so that a reload, a bookmark or a shared link opens the same place
// and Back and Forward step through the places visited: the view (?view=batch; the lookup is the
// default and is not named), the link token looked up (?link_token=) and whether it is the answer
// the inspector's store kept rather than Plaid's now (?kept=1, the permalink). Each change the user
// makes is a history entry. Credentials must never sit in a URL (it ends up in history, logs and
// screenshots), so any that arrive there are removed at once and never read.
//
// History (?view=history) has parameters of its own, its filter (lib/history-filter.ts), among them
// a link_token that is a filter, not a token to look up. So the lookup's parameters (which Batch
// shares) and History's are put aside while the other side is shown, and come back with it.

export type View = 'lookup' | 'batch' | 'history' | 'keys' | 'profiles';
export type Address = { view: View; linkToken: string; kept: boolean };

type Side = 'lookup' | 'history';
// Each side's parameters as they were when the other side was opened.
export type PutAside = Record<Side, [string, string][]>;

const SIDE_PARAMS: Readonly<Record<Side, readonly string[]>> = {
  lookup: ['link_token', 'kept', 'expect'],
  history: HISTORY_PARAMS,
};
const NOTHING_ASIDE: PutAside = { lookup: [], history: [] };

// What is put aside belongs to the tab, as its address bar does: it lives in sessionStorage, not in
// this module (storage full or turned off: the side left comes back empty). Parameters only (a
// token, History's filter), never credentials.
const Params = z.array(z.tuple([z.string(), z.string()]));
const putAside = sessionJson('link-token-inspector.put-aside', z.object({ lookup: Params, history: Params }));

function sideOf(view: View): Side {
  return view === 'history' ? 'history' : 'lookup';
}

function readView(params: URLSearchParams): View {
  const view = params.get('view');
  return view === 'batch' || view === 'history' || view === 'keys' || view === 'profiles' ? view : 'lookup';
}

const CREDENTIAL_PARAMS = ['client_id', 'secret'];

export function readAddress(url: string): Address {
  const params = new URL(url).searchParams;
  const view = readView(params);
  // In History, link_token is its filter: nothing for the lookup to open.
  if (view === 'history') return { view, linkToken: '', kept: false };
  return { view, linkToken: params.get('link_token')?.trim() ?? '', kept: params.get('kept') === '1' };
}

// The parameters of `side` in `url`, to put aside.
function sideParams(url: string, side: Side): [string, string][] {
  return [...new URL(url).searchParams].filter(([name]) => SIDE_PARAMS[side].includes(name));
}

// `url` changed to name what `change` gives, or null when it names all of it already (a repeated
// lookup, a Retry, the lookup a shared link or Back started), so that history holds one entry per
// place. A token is compared as a link token (letter case and spaces aside). Everything else in
// the URL stays as it is, but for the side left's parameters, which make way for those `aside`
// holds for the side opened.
export function addressUrl(
  url: string,
  change: Partial<Address>,
  aside: PutAside = NOTHING_ASIDE,
): string | null {
  const current = readAddress(url);
  const parsed = new URL(url);
  let changed = false;
  if (change.view !== undefined && change.view !== current.view) {
    if (change.view === 'lookup') parsed.searchParams.delete('view');
    else parsed.searchParams.set('view', change.view);
    const [left, opened] = [sideOf(current.view), sideOf(change.view)];
    if (left !== opened) {
      for (const name of SIDE_PARAMS[left]) parsed.searchParams.delete(name);
      for (const [name, value] of aside[opened]) parsed.searchParams.append(name, value);
    }
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
  const before = window.location.href;
  const aside = putAside.read() ?? NOTHING_ASIDE;
  const url = addressUrl(before, change, aside);
  if (url === null) return;
  const left = sideOf(readAddress(before).view);
  if (left !== sideOf(readAddress(url).view)) putAside.write({ ...aside, [left]: sideParams(before, left) });
  window.history.pushState(null, '', url);
}

// History's filter as the address names it; none while another view shows (its parameters are
// the lookup's then).
export function currentHistoryFilter(): HistoryFilter {
  if (currentAddress().view !== 'history') return NO_HISTORY_FILTER;
  return readHistoryFilter(new URL(window.location.href).searchParams);
}

// `url` with History's filter replaced by `filter`, or null when it names that filter already.
export function historyFilterUrl(url: string, filter: HistoryFilter): string | null {
  const parsed = new URL(url);
  const before = historyFilterParams(readHistoryFilter(parsed.searchParams)).toString();
  const after = historyFilterParams(filter);
  if (before === after.toString()) return null;
  for (const name of HISTORY_PARAMS) parsed.searchParams.delete(name);
  for (const [name, value] of after) parsed.searchParams.append(name, value);
  return parsed.toString();
}

// A filter the user chose in History: a history entry, so Back returns to the one before.
export function goToHistoryFilter(filter: HistoryFilter): void {
  const url = historyFilterUrl(window.location.href, filter);
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

// The QA profile the lookup is checked against (?expect=<profile id>), '' for none.
export function currentExpect(): string {
  return new URL(window.location.href).searchParams.get('expect')?.trim() ?? '';
}

// `url` checking against the profile `id` ('' for none), or null when it does already.
export function expectUrl(url: string, id: string): string | null {
  const parsed = new URL(url);
  if ((parsed.searchParams.get('expect') ?? '') === id) return null;
  if (id === '') parsed.searchParams.delete('expect');
  else parsed.searchParams.set('expect', id);
  return parsed.toString();
}

// A profile chosen: a history entry, as a view is, so Back returns to the one before.
export function goToExpect(id: string): void {
  const url = expectUrl(window.location.href, id);
  if (url !== null) window.history.pushState(null, '', url);
}

// The link to a lookup checked against a profile, on this page.
export function expectLink(id: string): string {
  return `/?expect=${encodeURIComponent(id)}`;
}

// The link to a lookup for others: the token only (no view: it opens on the lookup).
export function shareableLink(origin: string, linkToken: string): string {
  return `${origin}/?link_token=${encodeURIComponent(linkToken)}`;
}

// A ticket's link back to a lookup, read later by others on their own machines: only from the
// server's public address (PUBLIC_URL), and never a loopback one, which would lead each reader to
// their own computer. undefined: the ticket goes without it.
export function ticketLink(publicUrl: string | null, linkToken: string): string | undefined {
  if (publicUrl === null || !URL.canParse(publicUrl)) return undefined;
  const host = new URL(publicUrl).hostname;
  if (host === 'localhost' || host === '[::1]' || /^127\./.test(host)) return undefined;
  return shareableLink(publicUrl, linkToken);
}

// The link to History as filtered, for others.
export function shareableHistoryLink(origin: string, filter: HistoryFilter): string {
  const params = historyFilterParams(filter).toString();
  return `${origin}/?view=history${params === '' ? '' : `&${params}`}`;
}
