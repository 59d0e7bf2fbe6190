import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { View } from '../lib/address-bar';
import { ServerModeNotice } from '../features/simulator';
import { LookupPage } from './pages/LookupPage';
import { QaProfilesPage } from './pages/QaProfilesPage';
import { TimeZoneProvider } from '../components/time-zone';
import styles from './App.module.css';
import { Tabs, type Tab } from './Tabs';
import { useView } from './use-view';

// Batch is the less used view: loading it separately keeps the entry chunk (what every visit
// downloads before the first lookup) within its size budget. The chunk is named after the page
// (BatchPage-*.js), apart from the entry's index-*.js that the size budget measures.
const BatchPage = lazy(() => import('./pages/BatchPage').then((module) => ({ default: module.BatchPage })));
const ApiKeysPage = lazy(() =>
  import('./pages/ApiKeysPage').then((module) => ({ default: module.ApiKeysPage })),
);
// History too, and only once its tab is first shown: most visits never open it.
const HistoryPage = lazy(() =>
  import('./pages/HistoryPage').then((module) => ({ default: module.HistoryPage })),
);

export function App({ queryClient }: { queryClient: QueryClient }) {
  const [view, showView] = useView();
  // Once shown, History stays mounted like the other views (switching back keeps its list).
  const [historyOpened, setHistoryOpened] = useState(view === 'history');
  if (view === 'history' && !historyOpened) setHistoryOpened(true);
  // Tokens the lookup field could not take one at a time (a paste of several), for Batch. A new
  // object each time, so that opening the same tokens twice fills Batch twice.
  const [tokensForBatch, setTokensForBatch] = useState<{ tokens: string[] } | null>(null);
  // The API keys ask the server for the keys: only once that tab has been opened, and then kept,
  // so that a key just made (shown once) survives a look at another tab.
  const [keysOpened, setKeysOpened] = useState(view === 'keys');
  if (view === 'keys' && !keysOpened) setKeysOpened(true);
  // QA profiles are read once their tab is first opened, as the keys are.
  const [profilesOpened, setProfilesOpened] = useState(view === 'profiles');
  if (view === 'profiles' && !profilesOpened) setProfilesOpened(true);

  function openInBatch(tokens: string[]) {
    setTokensForBatch({ tokens });
    showView('batch');
  }

  // The views of the app, one tab each.
  const tabs: Tab<View>[] = [
    { id: 'lookup', label: 'Lookup', content: <LookupPage onOpenInBatch={openInBatch} /> },
    {
      id: 'batch',
      label: 'Batch',
      content: (
        <Suspense fallback={<p className={styles.loading}>Loading the batch view…</p>}>
          <BatchPage incoming={tokensForBatch} />
        </Suspense>
      ),
    },
    {
      id: 'history',
      label: 'History',
      content: historyOpened && (
        <Suspense fallback={<p className={styles.loading}>Loading History…</p>}>
          <HistoryPage shown={view === 'history'} />
        </Suspense>
      ),
    },
    {
      id: 'profiles',
      label: 'QA profiles',
      content: profilesOpened && (
        <Suspense fallback={<p className={styles.loading}>Loading the QA profiles…</p>}>
          <QaProfilesPage />
        </Suspense>
      ),
    },
    {
      id: 'keys',
      label: 'API keys',
      content: keysOpened && (
        <Suspense fallback={<p className={styles.loading}>Loading the API keys…</p>}>
          <ApiKeysPage />
        </Suspense>
      ),
    },
  ];

  return (
    <QueryClientProvider client={queryClient}>
      <TimeZoneProvider>
        <div className={styles.app}>
          <header className={styles.header}>
            <h1 className={styles.title}>Link Token Inspector</h1>
            <ServerModeNotice />
          </header>
          <main>
            <Tabs tabs={tabs} label="Views" selectedId={view} onSelect={showView} />
          </main>
        </div>
      </TimeZoneProvider>
    </QueryClientProvider>
  );
}
