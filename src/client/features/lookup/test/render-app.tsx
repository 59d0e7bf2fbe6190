import { configure, render } from '@testing-library/react';
import userEvent, { type Options } from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../../app/App';
import { createQueryClient } from '../../../app/query-client';

// These tests render the whole app (status panel included) on a shared 2-core machine; the
// default 1 s / 5 s limits fail them under load without anything being wrong.
configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 30_000 });

// The whole app, as main.tsx renders it, with a fresh cache per test.
export function renderApp(userOptions: Options = {}) {
  const user = userEvent.setup(userOptions);
  return { user, ...render(<App queryClient={createQueryClient()} />) };
}
