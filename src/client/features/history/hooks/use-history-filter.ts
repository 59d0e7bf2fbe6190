import { useEffect, useState } from 'react';
import { currentHistoryFilter, goToHistoryFilter, onAddressChange } from '../../../lib/address-bar';
import type { HistoryFilter } from '../../../../shared/history/history-api';

// History's filter, kept in the address bar: a reload or a shared link opens the same view, and
// each change is a history entry, so Back and Forward step through the filters. `shown`: whether
// History is the view on screen; its tab brings back the filter it had, which is read then.
export function useHistoryFilter(shown: boolean): [HistoryFilter, (filter: HistoryFilter) => void] {
  const [filter, setFilter] = useState<HistoryFilter>(currentHistoryFilter);
  // (Set while rendering, as React advises for state that follows a prop: the tab has already put
  // History's parameters back in the address.)
  const [wasShown, setWasShown] = useState(shown);
  if (shown !== wasShown) {
    setWasShown(shown);
    if (shown) setFilter(currentHistoryFilter());
  }
  useEffect(() => onAddressChange(() => setFilter(currentHistoryFilter())), []);

  function change(next: HistoryFilter) {
    goToHistoryFilter(next);
    setFilter(next);
  }
  return [filter, change];
}
