import { useCallback, useState } from 'react';
import {
  addRecentLookup,
  loadRecentLookups,
  RECENT_LOOKUPS_KEY,
  saveRecentLookups,
  type RecentLookup,
} from '../lib/recent-lookups-store';

export function useRecentLookups() {
  const [lookups, setLookups] = useState<RecentLookup[]>(() => loadRecentLookups(window.localStorage));

  const add = useCallback((entry: RecentLookup) => {
    setLookups((current) => {
      const next = addRecentLookup(current, entry);
      saveRecentLookups(window.localStorage, next);
      return next;
    });
  }, []);

  const clear = useCallback(() => {
    window.localStorage.removeItem(RECENT_LOOKUPS_KEY);
    setLookups([]);
  }, []);

  return { lookups, add, clear };
}
