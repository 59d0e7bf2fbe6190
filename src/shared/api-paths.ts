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
  recordings: '/api/recordings',
  // GET lists, POST makes; GET/PUT/DELETE /api/qa-profiles/:id; export (GET) and import (POST).
  qaProfiles: '/api/qa-profiles',
  qaProfilesExport: '/api/qa-profiles/export',
  qaProfilesImport: '/api/qa-profiles/import',
  checks: '/api/checks',
} as const;
