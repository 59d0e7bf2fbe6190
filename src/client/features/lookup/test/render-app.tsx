import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../app/App';
import { createQueryClient } from '../../../app/query-client';

// The whole app, as main.tsx renders it, with a fresh cache per test.
export function renderApp() {
  const user = userEvent.setup();
  return { user, ...render(<App queryClient={createQueryClient()} />) };
}
