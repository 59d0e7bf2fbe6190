import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { ServerModeNotice } from '../features/simulator';
import { LookupPage } from './pages/LookupPage';
import { TimeZoneProvider } from '../components/time-zone';
import styles from './App.module.css';
import { Tabs, type Tab } from './Tabs';

// Batch is the less used view: loading it separately keeps the entry chunk (what every visit
// downloads before the first lookup) within its size budget. The chunk is named after the page
// (BatchPage-*.js), apart from the entry's index-*.js that the size budget measures.
const BatchPage = lazy(() => import('./pages/BatchPage').then((module) => ({ default: module.BatchPage })));

// The views of the app, one tab each.
const TABS: readonly Tab[] = [
  { id: 'lookup', label: 'Lookup', content: <LookupPage /> },
  {
    id: 'batch',
    label: 'Batch',
    content: (
      <Suspense fallback={<p className={styles.loading}>Loading the batch view…</p>}>
        <BatchPage />
      </Suspense>
    ),
  },
];

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TimeZoneProvider>
        <div className={styles.app}>
          <header className={styles.header}>
            <h1 className={styles.title}>Link Token Inspector</h1>
            <ServerModeNotice />
          </header>
          <main>
            <Tabs tabs={TABS} label="Views" />
          </main>
        </div>
      </TimeZoneProvider>
    </QueryClientProvider>
  );
}
