import { screen, within } from '@testing-library/react';
import { http } from 'msw';

// What the lookup page tests share: the form's fields, and a lookup endpoint that records what
// the browser sent.

export type SentBody = { link_token: string; client_id?: string; secret?: string };

// Records what the browser sends, so tests can check requests as well as what is shown. `respond`
// gets the body and how many lookups came before this one.
export function lookupHandler(
  respond: (body: SentBody, index: number, request: Request) => Response | Promise<Response>,
) {
  const sent: SentBody[] = [];
  const handler = http.post('/api/link/token/get', async ({ request }) => {
    const body = (await request.json()) as SentBody;
    sent.push(body);
    return respond(body, sent.length - 1, request);
  });
  return { sent, handler };
}

// The Batch tab (hidden) has fields with the same labels: look inside the lookup form only.
export function lookupForm() {
  return within(screen.getByRole('form', { name: 'Look up a link token' }));
}

export function tokenField() {
  return lookupForm().getByLabelText('Link token');
}
