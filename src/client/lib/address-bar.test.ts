import { describe, expect, it, vi } from 'vitest';
import { NO_HISTORY_FILTER } from './history-filter';
import {
  addressUrl,
  currentHistoryFilter,
  goTo,
  goToHistoryFilter,
  historyFilterUrl,
  onAddressChange,
  readAddress,
  shareableHistoryLink,
  shareableLink,
  ticketLink,
  withoutCredentials,
} from './address-bar';

const TOKEN = 'link-sandbox-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const OTHER = 'link-production-ffffffff-ffff-4fff-bfff-ffffffffffff';

describe('reading the address', () => {
  it('reads the view and the link token, trimmed; the lookup when neither is named', () => {
    expect(readAddress(`http://h/?view=batch&link_token=%20${TOKEN}%20`)).toEqual({
      view: 'batch',
      linkToken: TOKEN,
      kept: false,
    });
    expect(readAddress('http://h/')).toEqual({ view: 'lookup', linkToken: '', kept: false });
    // A view we do not have opens the lookup rather than nothing.
    expect(readAddress('http://h/?view=settings').view).toBe('lookup');
    expect(readAddress('http://h/?view=keys').view).toBe('keys');
  });
});

describe('the permalink of a kept answer (?kept=1)', () => {
  it('is read, and is left when the user asks Plaid now', () => {
    expect(readAddress(`http://h/?link_token=${TOKEN}&kept=1`)).toMatchObject({
      linkToken: TOKEN,
      kept: true,
    });
    expect(addressUrl(`http://h/?link_token=${TOKEN}&kept=1`, { linkToken: TOKEN, kept: false })).toBe(
      `http://h/?link_token=${TOKEN}`,
    );
    expect(addressUrl(`http://h/?link_token=${TOKEN}`, { kept: true })).toBe(
      `http://h/?link_token=${TOKEN}&kept=1`,
    );
    expect(addressUrl(`http://h/?link_token=${TOKEN}`, { linkToken: TOKEN, kept: false })).toBeNull();
  });
});

describe('the address for a change', () => {
  it('names each newly looked-up token, and nothing else changes', () => {
    expect(addressUrl('http://h/', { linkToken: TOKEN })).toBe(`http://h/?link_token=${TOKEN}`);
    expect(addressUrl(`http://h/?link_token=${TOKEN}#top`, { linkToken: OTHER })).toBe(
      `http://h/?link_token=${OTHER}#top`,
    );
    expect(addressUrl(`http://h/?link_token=${TOKEN}`, { linkToken: ` ${TOKEN.toUpperCase()}` })).toBeNull();
  });

  it('names Batch, and the lookup by leaving the view out; the token stays', () => {
    expect(addressUrl(`http://h/?link_token=${TOKEN}`, { view: 'batch' })).toBe(
      `http://h/?link_token=${TOKEN}&view=batch`,
    );
    expect(addressUrl(`http://h/?link_token=${TOKEN}&view=batch`, { view: 'lookup' })).toBe(
      `http://h/?link_token=${TOKEN}`,
    );
    expect(addressUrl('http://h/?view=batch', { view: 'batch' })).toBeNull();
    expect(addressUrl('http://h/', { view: 'lookup' })).toBeNull();
  });
});

describe('going somewhere and coming back', () => {
  it('pushes one history entry per change, none for the place already shown', () => {
    const start = window.history.length;
    goTo({ view: 'batch' });
    goTo({ view: 'batch' });
    expect(window.location.search).toBe('?view=batch');
    goTo({ view: 'lookup' });
    expect(window.location.search).toBe('');
    expect(window.history.length).toBe(start + 2);
  });

  it('tells a listener the address Back leads to, until it stops listening', async () => {
    goTo({ linkToken: TOKEN });
    goTo({ view: 'batch' });
    const listener = vi.fn();
    const stop = onAddressChange(listener);
    window.history.back();
    await vi.waitFor(() =>
      expect(listener).toHaveBeenCalledWith({ view: 'lookup', linkToken: TOKEN, kept: false }),
    );
    stop();
    window.history.back();
    await vi.waitFor(() => expect(window.location.search).toBe(''));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('credentials and shared links', () => {
  it('removes client_id and secret and keeps everything else', () => {
    expect(withoutCredentials(`http://h/?link_token=${TOKEN}&client_id=abc&secret=xyz#top`)).toBe(
      `http://h/?link_token=${TOKEN}#top`,
    );
    expect(withoutCredentials(`http://h/?link_token=${TOKEN}`)).toBeNull();
  });

  it('builds a shareable link with the token only', () => {
    expect(shareableLink('http://127.0.0.1:3000', TOKEN)).toBe(`http://127.0.0.1:3000/?link_token=${TOKEN}`);
  });

  it('gives a ticket a link back only from the server’s public address, never a loopback one', () => {
    expect(ticketLink('https://inspector.example.com', TOKEN)).toBe(
      `https://inspector.example.com/?link_token=${TOKEN}`,
    );
    expect(ticketLink(null, TOKEN)).toBeUndefined();
    for (const loopback of [
      'http://127.0.0.1:3000',
      'http://127.1.2.3',
      'http://localhost:3000',
      'http://[::1]:3000',
    ]) {
      expect(ticketLink(loopback, TOKEN)).toBeUndefined();
    }
  });
});

describe('History in the address bar', () => {
  it('reads History, whose link_token is its filter and never a token for the lookup', () => {
    expect(readAddress(`http://h/?view=history&link_token=${TOKEN}`)).toEqual({
      view: 'history',
      linkToken: '',
      kept: false,
    });
  });

  it("puts the lookup's token aside while History shows, and History's filter while the lookup shows", () => {
    const aside = {
      lookup: [['link_token', TOKEN]] as [string, string][],
      history: [['verdict', 'failed']] as [string, string][],
    };
    expect(addressUrl(`http://h/?link_token=${TOKEN}&kept=1`, { view: 'history' }, aside)).toBe(
      'http://h/?view=history&verdict=failed',
    );
    expect(
      addressUrl(`http://h/?view=history&link_token=${OTHER}&verdict=failed`, { view: 'batch' }, aside),
    ).toBe(`http://h/?view=batch&link_token=${TOKEN}`);
    // Batch and the lookup share the token: nothing is put aside between them.
    expect(addressUrl(`http://h/?link_token=${TOKEN}`, { view: 'batch' }, aside)).toBe(
      `http://h/?link_token=${TOKEN}&view=batch`,
    );
  });

  it('brings each side back as it was left, through the tabs', () => {
    goTo({ linkToken: TOKEN });
    goTo({ view: 'history' });
    expect(window.location.search).toBe('?view=history');
    goToHistoryFilter({ ...NO_HISTORY_FILTER, link_token: OTHER, error_code: ['ITEM_LOCKED'] });
    goTo({ view: 'lookup' });
    expect(window.location.search).toBe(`?link_token=${TOKEN}`);
    goTo({ view: 'history' });
    expect(currentHistoryFilter()).toMatchObject({ link_token: OTHER, error_code: ['ITEM_LOCKED'] });
  });

  it('writes a filter once per change, and Back returns to the one before', async () => {
    window.history.replaceState(null, '', '/?view=history');
    const start = window.history.length;
    goToHistoryFilter({ ...NO_HISTORY_FILTER, verdict: ['failed'] });
    goToHistoryFilter({ ...NO_HISTORY_FILTER, verdict: ['failed'] });
    goToHistoryFilter({ ...NO_HISTORY_FILTER, verdict: ['failed', 'abandoned'], from: '2026-12-01' });
    expect(window.location.search).toBe('?view=history&from=2026-12-01&verdict=failed&verdict=abandoned');
    expect(window.history.length).toBe(start + 2);
    window.history.back();
    await vi.waitFor(() => expect(currentHistoryFilter().verdict).toEqual(['failed']));
    expect(
      historyFilterUrl('http://h/?view=history&verdict=failed', {
        ...NO_HISTORY_FILTER,
        verdict: ['failed'],
      }),
    ).toBeNull();
  });

  it('shares History with its filter', () => {
    expect(
      shareableHistoryLink('http://h', {
        ...NO_HISTORY_FILTER,
        error_code: ['ITEM_LOCKED'],
        source: ['webhook'],
      }),
    ).toBe('http://h/?view=history&error_code=ITEM_LOCKED&source=webhook');
    expect(shareableHistoryLink('http://h', NO_HISTORY_FILTER)).toBe('http://h/?view=history');
  });
});
