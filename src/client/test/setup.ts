import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { server } from './msw-server';

// The component tests render large panels (and lazily loaded chunks) on a shared 2-core machine;
// the default 1 s / 5 s limits fail them under load without anything being wrong.
configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 30_000 });

// msw answers every fetch the components make; a test that forgets to declare a handler fails
// loudly instead of reaching the network.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// Every lookup puts its token in the page URL (a history entry): each test starts from a bare one.
// A batch saves its tokens in sessionStorage for a reload: each test starts from a new tab.
// Downloads caught by test/downloads.ts go back to jsdom's none.
afterEach(() => {
  server.resetHandlers();
  cleanup();
  window.history.replaceState(null, '', '/');
  window.sessionStorage.clear();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});
afterAll(() => server.close());
