// The paths of the inspector's own HTTP API, written once for the browser's calls (and for the
// server's routes to share).
export const API_PATHS = {
  config: '/api/config',
  linkTokenGet: '/api/link/token/get',
  institutionsGetById: '/api/institutions/get_by_id',
  simulatorTokens: '/api/simulator/tokens',
  kept: '/api/kept',
  history: '/api/history',
  historyExport: '/api/history/export',
  // GET lists, POST makes; DELETE /api/keys/:id revokes.
  apiKeys: '/api/keys',
} as const;
