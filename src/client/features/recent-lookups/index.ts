// Public surface of the recent lookups feature.
export { RecentLookups } from './RecentLookups';
export { useRecentLookups } from './use-recent-lookups';
export type { RecentLookup } from './recent-lookups-store';
