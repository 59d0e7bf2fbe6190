import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ServerInfo } from '../../shared/api-types';
import { BatchPage } from '../app/pages/BatchPage';
import type { BatchIncoming } from '../features/batch';

// Test-only: the batch tab on its own (the batch view with the answer's panels, as the app composes
// it), as its component tests drive it.

export const BATCH_SERVER_INFO: ServerInfo = {
  mode: 'simulator',
  serverCredentials: [],
  allowRequestCredentials: true,
  rateLimitPerMinute: 120,
  publicUrl: null,
};

export function configHandler(info: ServerInfo = BATCH_SERVER_INFO) {
  return http.get('/api/config', () => HttpResponse.json(info));
}

export function batchTab(queryClient: QueryClient, incoming: BatchIncoming | null = null) {
  return (
    <QueryClientProvider client={queryClient}>
      <BatchPage incoming={incoming} />
    </QueryClientProvider>
  );
}

export function renderBatch() {
  const user = userEvent.setup();
  render(batchTab(new QueryClient({ defaultOptions: { queries: { retry: false } } })));
  return user;
}

export type BatchUser = ReturnType<typeof userEvent.setup>;

export async function pasteAndRun(user: BatchUser, text: string) {
  await user.click(screen.getByLabelText(/Tokens, or any text/));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: /^Look up \d+ tokens?$/ }));
}

export function bodyRows(): HTMLElement[] {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

// The rows' tokens, top to bottom.
export function shownTokens(): string[] {
  return bodyRows().map((row) => within(row).getAllByRole('button')[0]!.title);
}

export function rowOf(token: string): HTMLElement {
  const row = bodyRows().find((candidate) => within(candidate).queryByTitle(token));
  if (!row) throw new Error(`No row for ${token}`);
  return row;
}

// A row's cells as text, keyed by column header.
export function cellsOf(token: string): Record<string, string> {
  const headers = within(screen.getByRole('table'))
    .getAllByRole('columnheader')
    .map((header) => header.textContent!.replace(/[▲▼]/g, '').trim());
  const cells = within(rowOf(token)).getAllByRole('cell');
  return Object.fromEntries(headers.map((header, index) => [header, cells[index]!.textContent ?? '']));
}
