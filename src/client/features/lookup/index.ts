// Public surface of the lookup feature: the page holds the lookup (useLookup) and places its form
// and answer; `lookUpToken` lets other parts of the page start a lookup.
export { LookupAnswer } from './components/LookupAnswer';
export { LookupForm } from './components/LookupForm';
export { useLookup } from './hooks/use-lookup';
export type { SettledLookup } from './hooks/use-settled-lookup';
