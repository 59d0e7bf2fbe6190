import { QueryClient } from '@tanstack/react-query';

// Every query in this app is an explicit user action or one-off page set-up, so React Query's
// automatic behaviours are switched off: a retry would repeat a lookup that already waited for
// the server's upstream timeout (the user can press "Look up" again), and refetching on focus or
// reconnect would replace the answer a user is reading without being asked. Live watch polls on
// purpose, through its own refetchInterval.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        refetchOnMount: false,
        staleTime: Infinity,
      },
      mutations: { retry: false },
    },
  });
}
