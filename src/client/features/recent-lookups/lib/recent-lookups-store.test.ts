import { beforeEach, describe, expect, it } from 'vitest';
import {
  addRecentLookup,
  loadRecentLookups,
  MAX_RECENT_LOOKUPS,
  RECENT_LOOKUPS_KEY,
  saveRecentLookups,
  type RecentLookup,
} from './recent-lookups-store';

function entry(n: number): RecentLookup {
  return {
    linkToken: `link-sandbox-00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    verdict: 'never opened',
    tone: 'neutral',
    detail: 'no sessions',
    lookedUpAt: new Date(Date.UTC(2026, 10, 25, 8, n)).toISOString(),
  };
}

beforeEach(() => window.localStorage.clear());

describe('recent lookups store', () => {
  it('keeps the newest entries first, each token once, at most MAX_RECENT_LOOKUPS', () => {
    let list: RecentLookup[] = [];
    for (let n = 0; n < MAX_RECENT_LOOKUPS + 3; n++) list = addRecentLookup(list, entry(n));
    list = addRecentLookup(list, entry(5));
    expect(list).toHaveLength(MAX_RECENT_LOOKUPS);
    expect(list[0]).toEqual(entry(5));
    expect(list.filter((item) => item.linkToken === entry(5).linkToken)).toHaveLength(1);
  });

  it('writes only the five known fields, whatever the objects carry', () => {
    const sneaky = { ...entry(1), secret: 'shh', client_id: 'me' } as RecentLookup;
    saveRecentLookups(window.localStorage, [sneaky]);
    expect(window.localStorage.getItem(RECENT_LOOKUPS_KEY)).not.toMatch(/shh|client_id/);
    expect(loadRecentLookups(window.localStorage)).toEqual([entry(1)]);
  });

  it('reads entries kept before verdicts were: a failure stays a failed lookup, the rest have no verdict', () => {
    const lookedUpAt = '2026-11-25T08:00:00.000Z';
    window.localStorage.setItem(
      RECENT_LOOKUPS_KEY,
      JSON.stringify([
        // With the token's status and a detail.
        { linkToken: 'a', status: 'expired', detail: '2 sessions', lookedUpAt },
        { linkToken: 'b', status: 'failed', detail: 'INVALID_LINK_TOKEN', lookedUpAt },
        // Older still: status and detail in one string.
        { linkToken: 'c', outcome: 'Unknown expiry, 1 session', failed: false, lookedUpAt },
        { linkToken: 'd', outcome: 'RATE_LIMIT_EXCEEDED', failed: true, lookedUpAt },
      ]),
    );
    expect(loadRecentLookups(window.localStorage)).toEqual([
      { linkToken: 'a', verdict: null, tone: 'neutral', detail: '2 sessions', lookedUpAt },
      { linkToken: 'b', verdict: 'lookup failed', tone: 'fault', detail: 'INVALID_LINK_TOKEN', lookedUpAt },
      { linkToken: 'c', verdict: null, tone: 'neutral', detail: '1 session', lookedUpAt },
      {
        linkToken: 'd',
        verdict: 'lookup failed',
        tone: 'fault',
        detail: 'RATE_LIMIT_EXCEEDED',
        lookedUpAt,
      },
    ]);
  });

  it('drops an entry whose verdict or tone this version does not know', () => {
    window.localStorage.setItem(
      RECENT_LOOKUPS_KEY,
      JSON.stringify([
        { ...entry(1), verdict: 'exploded' },
        { ...entry(2), tone: 'purple' },
      ]),
    );
    expect(loadRecentLookups(window.localStorage)).toEqual([]);
  });

  it('reads unreadable storage as an empty list', () => {
    window.localStorage.setItem(RECENT_LOOKUPS_KEY, '{not json');
    expect(loadRecentLookups(window.localStorage)).toEqual([]);
    window.localStorage.setItem(RECENT_LOOKUPS_KEY, JSON.stringify([{ linkToken: 1 }]));
    expect(loadRecentLookups(window.localStorage)).toEqual([]);
  });
});
