import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

// The lookup page asks for the team's QA profiles (its "Check against" picker) on every render of
// the app: the default answer is none, and tests about profiles declare their own.
export const server = setupServer(http.get('/api/qa-profiles', () => HttpResponse.json({ profiles: [] })));
