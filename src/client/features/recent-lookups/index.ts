// Public surface of the recent lookups feature.
export { RecentLookups } from './components/RecentLookups';
export { useRecentLookups } from './hooks/use-recent-lookups';
export type { RecentLookup } from './lib/recent-lookups-store';
