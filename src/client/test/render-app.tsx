import { render } from '@testing-library/react';
import userEvent, { type Options } from '@testing-library/user-event';
import { App } from '../app/App';
import { createQueryClient } from '../app/query-client';

// The whole app, as main.tsx renders it, with a fresh cache per test.
export function renderApp(userOptions: Options = {}) {
  const user = userEvent.setup(userOptions);
  return { user, ...render(<App queryClient={createQueryClient()} />) };
}
