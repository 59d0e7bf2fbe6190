import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { LookupView } from '../features/lookup';
import { ServerModeNotice } from '../features/simulator';
import { Tabs, type Tab } from './Tabs';

// Batch is the less used view: loading it separately keeps the entry chunk (what every visit
// downloads before the first lookup) within its size budget. Imported from the module itself, not
// the feature's index.ts, so the chunk is named BatchView-*.js, apart from the entry's index-*.js.
const BatchView = lazy(() =>
  import('../features/batch/BatchView').then((module) => ({ default: module.BatchView })),
);

// The views of the app, one tab each.
const TABS: readonly Tab[] = [
  { id: 'lookup', label: 'Lookup', content: <LookupView /> },
  {
    id: 'batch',
    label: 'Batch',
    content: (
      <Suspense fallback={<p className="muted">Loading the batch view…</p>}>
        <BatchView />
      </Suspense>
    ),
  },
];

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <div className="app">
        <header className="app__header">
          <h1 className="app__title">Link Token Inspector</h1>
          <ServerModeNotice />
        </header>
        <main className="app__main">
          <Tabs tabs={TABS} label="Views" />
        </main>
      </div>
    </QueryClientProvider>
  );
}
