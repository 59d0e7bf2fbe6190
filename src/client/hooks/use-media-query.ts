import { useMemo, useSyncExternalStore } from 'react';

type MediaStore = { subscribe: (onChange: () => void) => () => void; matches: () => boolean };

// One store per query: `matches` is read from the browser once and then kept from its change
// events. Reading MediaQueryList.matches on every render forces the browser to lay the page out
// there and then, which a batch re-rendering ten times a second cannot afford.
function mediaStore(query: string): MediaStore {
  if (typeof window.matchMedia !== 'function') return { subscribe: () => () => {}, matches: () => false };
  const list = window.matchMedia(query);
  let matches = list.matches;
  return {
    subscribe: (onChange) => {
      const listener = (event: MediaQueryListEvent) => {
        matches = event.matches;
        onChange();
      };
      list.addEventListener('change', listener);
      return () => list.removeEventListener('change', listener);
    },
    matches: () => matches,
  };
}

// Whether a CSS media query matches now, kept up to date as the window is resized. False where
// the browser has no matchMedia (jsdom in the component tests).
export function useMediaQuery(query: string): boolean {
  const store = useMemo(() => mediaStore(query), [query]);
  return useSyncExternalStore(store.subscribe, store.matches);
}
