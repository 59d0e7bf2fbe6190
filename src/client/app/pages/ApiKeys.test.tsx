import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyCreateRequest, ApiKeySummary } from '../../../shared/schemas/api-keys';
import { server } from '../../test/msw-server';
import { configHandler, fixtureTokensHandler } from '../../test/answers';
import { renderApp } from '../../test/render-app';

// The API keys tab (?view=keys) against a server answering /api/keys as the real one does: make a
// key (shown once), list the keys, revoke one after asking.

const NEW_KEY = 'lti_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cX';

function summary(overrides: Partial<ApiKeySummary> = {}): ApiKeySummary {
  return {
    id: 'key-1',
    name: 'billing backend',
    scopes: ['recordings:write'],
    created_by: 'ana',
    created_at: '2026-12-01T09:00:00Z',
    last_used_at: null,
    revoked_at: null,
    revoked_by: null,
    ...overrides,
  };
}

// The server's /api/keys, holding its keys in memory; records what it was sent.
function keysServer(keys: ApiKeySummary[], options: { signIn?: boolean } = {}) {
  const created: ApiKeyCreateRequest[] = [];
  const revoked: string[] = [];
  server.use(
    http.get('/api/keys', () => HttpResponse.json({ keys, sign_in: options.signIn ?? true })),
    http.post('/api/keys', async ({ request }) => {
      const body = (await request.json()) as ApiKeyCreateRequest;
      created.push(body);
      const key = summary({
        id: `key-${keys.length + 1}`,
        name: body.name,
        scopes: body.scopes,
        created_by: 'bob',
      });
      keys.unshift(key);
      return HttpResponse.json({ ...key, key: NEW_KEY }, { status: 201 });
    }),
    http.delete('/api/keys/:id', ({ params }) => {
      const key = keys.find((each) => each.id === params.id)!;
      revoked.push(key.id);
      Object.assign(key, { revoked_at: '2026-12-05T10:00:00Z', revoked_by: 'bob' });
      return HttpResponse.json(key);
    }),
  );
  return { created, revoked };
}

function proxyError(code: string, status: number, message: string) {
  return HttpResponse.json(
    {
      error_type: 'PROXY_ERROR',
      error_code: code,
      error_message: message,
      display_message: null,
      request_id: 'req-1',
      status,
    },
    { status },
  );
}

beforeEach(() => {
  server.use(configHandler(), fixtureTokensHandler());
});

describe('the API keys tab', () => {
  it('is a tab of the app named in the address, and lists the keys with who made them', async () => {
    keysServer([
      summary({ last_used_at: '2026-12-04T08:00:00Z' }),
      summary({ id: 'key-0', name: 'old one', revoked_at: '2026-12-02T00:00:00Z', revoked_by: 'ana' }),
    ]);
    const { user } = renderApp();
    await user.click(screen.getByRole('tab', { name: 'API keys' }));
    expect(new URL(window.location.href).searchParams.get('view')).toBe('keys');

    const item = await screen.findByRole('listitem', { name: 'billing backend' });
    expect(within(item).getByText('Active')).toBeVisible();
    expect(within(item).getByText('recordings:write')).toBeVisible();
    expect(item).toHaveTextContent('Made by ana on');
    expect(within(item).getAllByRole('time')[1]).toHaveAttribute('dateTime', '2026-12-04T08:00:00Z');
    const old = screen.getByRole('listitem', { name: 'old one' });
    expect(within(old).getByText('Revoked')).toBeVisible();
    expect(old).toHaveTextContent('revoked by ana');
    expect(within(old).queryByRole('button', { name: /Revoke/ })).toBeNull();
  });

  it('makes a key, shows it once with a copy button and a warning, and then never again', async () => {
    const calls = keysServer([]);
    window.history.replaceState(null, '', '/?view=keys');
    const { user } = renderApp();
    expect(await screen.findByText('No API keys yet.')).toBeVisible();

    const form = screen.getByRole('form', { name: 'Make an API key' });
    await user.type(within(form).getByLabelText('Name'), 'Recorder, production');
    await user.click(within(form).getByRole('checkbox', { name: /recordings:write/ }));
    await user.click(within(form).getByRole('checkbox', { name: /mcp/ }));
    await user.click(within(form).getByRole('button', { name: 'Make key' }));

    const shown = await screen.findByRole('region', { name: 'Your new API key' });
    expect(within(shown).getByLabelText('The new API key')).toHaveTextContent(NEW_KEY);
    expect(shown).toHaveTextContent('you will not see it again');
    expect(calls.created).toEqual([{ name: 'Recorder, production', scopes: ['recordings:write', 'mcp'] }]);
    await user.click(within(shown).getByRole('button', { name: 'Copy the new API key' }));
    expect(await navigator.clipboard.readText()).toBe(NEW_KEY);
    expect(await screen.findByRole('listitem', { name: 'Recorder, production' })).toBeVisible();

    // The key is nowhere the browser keeps things.
    expect(window.location.href).not.toContain(NEW_KEY);
    expect(JSON.stringify({ ...window.localStorage })).not.toContain(NEW_KEY);
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain(NEW_KEY);

    await user.click(within(shown).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText(NEW_KEY)).toBeNull();
    expect(screen.getByRole('form', { name: 'Make an API key' })).toBeVisible();
  });

  it('asks for a name and at least one scope before sending anything', async () => {
    const calls = keysServer([]);
    window.history.replaceState(null, '', '/?view=keys');
    const { user } = renderApp();
    const form = await screen.findByRole('form', { name: 'Make an API key' });
    await user.click(within(form).getByRole('button', { name: 'Make key' }));
    expect(
      await within(form).findByText('Give the key a name that says who uses it, and for what.'),
    ).toBeVisible();
    expect(within(form).getByText('Choose at least one thing the key may do.')).toBeVisible();
    expect(calls.created).toEqual([]);
  });

  it('revokes a key only after asking, and shows it revoked', async () => {
    const calls = keysServer([summary()]);
    window.history.replaceState(null, '', '/?view=keys');
    const { user } = renderApp();
    const item = await screen.findByRole('listitem', { name: 'billing backend' });

    await user.click(within(item).getByRole('button', { name: 'Revoke billing backend' }));
    expect(item).toHaveTextContent('Clients using it are refused from now on. This cannot be undone.');
    await user.click(within(item).getByRole('button', { name: 'Cancel' }));
    expect(calls.revoked).toEqual([]);

    await user.click(within(item).getByRole('button', { name: 'Revoke billing backend' }));
    await user.click(within(item).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(within(item).getByText('Revoked')).toBeVisible());
    expect(calls.revoked).toEqual(['key-1']);
    expect(item).toHaveTextContent('revoked by bob');
  });

  it('says when the server has no sign-in what that means for keys', async () => {
    keysServer([], { signIn: false });
    window.history.replaceState(null, '', '/?view=keys');
    renderApp();
    expect(
      await screen.findByText(
        /This server has no sign-in \(neither AUTH_USERS nor AUTH_TRUSTED_HEADER is set\)/,
      ),
    ).toBeVisible();
  });

  it('says why when the keys cannot be read, or a key cannot be made', async () => {
    const noStore =
      'API keys live in the inspector’s store, and this server runs without one: start it with its store (DATA_DIR or DATABASE_URL).';
    server.use(
      http.get('/api/keys', () => proxyError('STORE_UNAVAILABLE', 503, noStore)),
      http.post('/api/keys', () => proxyError('STORE_UNAVAILABLE', 503, noStore)),
    );
    window.history.replaceState(null, '', '/?view=keys');
    const { user } = renderApp();
    expect(await screen.findByText(`The keys could not be read: ${noStore}`)).toBeVisible();

    const form = screen.getByRole('form', { name: 'Make an API key' });
    await user.type(within(form).getByLabelText('Name'), 'anything');
    await user.click(within(form).getByRole('checkbox', { name: /mcp/ }));
    await user.click(within(form).getByRole('button', { name: 'Make key' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(`No key was made: ${noStore}`);
  });

  it('says why a revocation failed', async () => {
    keysServer([summary()]);
    server.use(
      http.delete('/api/keys/:id', () => proxyError('NOT_FOUND', 404, 'There is no API key with this id.')),
    );
    window.history.replaceState(null, '', '/?view=keys');
    const { user } = renderApp();
    const item = await screen.findByRole('listitem', { name: 'billing backend' });
    await user.click(within(item).getByRole('button', { name: 'Revoke billing backend' }));
    await user.click(within(item).getByRole('button', { name: 'Revoke' }));
    expect(await within(item).findByRole('alert')).toHaveTextContent(
      'Not revoked: There is no API key with this id.',
    );
  });
});
