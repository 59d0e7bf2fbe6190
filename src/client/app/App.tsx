import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BatchView } from '../features/batch';
import { LookupView } from '../features/lookup';
import { ServerModeNotice } from '../features/simulator';
import { Tabs, type Tab } from './Tabs';

// The views of the app, one tab each.
const TABS: readonly Tab[] = [
  { id: 'lookup', label: 'Lookup', content: <LookupView /> },
  { id: 'batch', label: 'Batch', content: <BatchView /> },
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
