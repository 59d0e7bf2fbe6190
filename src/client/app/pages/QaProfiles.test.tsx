import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { QaProfile, QaProfileInput } from '../../../shared/checks/qa-profile';
import { server } from '../../test/msw-server';
import { answer, configHandler, fixtureTokensHandler, SANDBOX_TOKEN } from '../../test/answers';
import { renderApp } from '../../test/render-app';

// The QA profiles tab (?view=profiles) and picking a profile on the lookup page, against a server
// answering /api/qa-profiles as the real one does.

function profile(overrides: Partial<QaProfile> = {}): QaProfile {
  return {
    id: 'qap_1',
    name: 'US only',
    expectations: { country_codes: ['US'] },
    created_by: 'ana',
    created_at: '2026-12-01T09:00:00Z',
    updated_by: 'ana',
    updated_at: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

// The server's /api/qa-profiles in memory; records what it was sent.
function profilesServer(profiles: QaProfile[]) {
  const created: QaProfileInput[] = [];
  const deleted: string[] = [];
  server.use(
    http.get('/api/qa-profiles', () => HttpResponse.json({ profiles })),
    http.post('/api/qa-profiles', async ({ request }) => {
      const body = (await request.json()) as QaProfileInput;
      created.push(body);
      const kept = profile({ ...body, id: `qap_${profiles.length + 1}` });
      profiles.push(kept);
      return HttpResponse.json(kept, { status: 201 });
    }),
    http.delete('/api/qa-profiles/:id', ({ params }) => {
      const index = profiles.findIndex((each) => each.id === params.id);
      deleted.push(String(params.id));
      const [gone] = profiles.splice(index, 1);
      return HttpResponse.json(gone);
    }),
  );
  return { created, deleted };
}

beforeEach(() => {
  server.use(configHandler(), fixtureTokensHandler());
});

describe('the profile editor', () => {
  it('sends the profile as the contract shapes it: lists split, blanks left out, none as null', async () => {
    const calls = profilesServer([]);
    window.history.replaceState(null, '', '/?view=profiles');
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    const form = screen.getByRole('form', { name: 'QA profile' });
    await user.type(within(form).getByLabelText('Name'), 'Update mode');
    await user.type(within(form).getByLabelText('Initial products'), 'transactions, auth');
    await user.type(within(form).getByLabelText('Country codes'), 'us, ca');
    await user.type(within(form).getByLabelText('Lifetime (minutes)'), '30');
    await user.selectOptions(within(form).getByLabelText('Webhook: what to expect'), 'none');
    await user.selectOptions(within(form).getByLabelText('The session should'), 'failed');
    await user.type(within(form).getByLabelText('With the error code'), 'ITEM_LOGIN_REQUIRED');
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Saved “Update mode”.')).toBeVisible();
    expect(calls.created).toEqual([
      {
        name: 'Update mode',
        expectations: {
          products: { initial_products: ['transactions', 'auth'] },
          country_codes: ['US', 'CA'],
          webhook: null,
          lifetime_minutes: 30,
          outcome: { kind: 'failed', error_code: 'ITEM_LOGIN_REQUIRED' },
        },
      },
    ]);
    expect(await screen.findByRole('listitem', { name: 'Update mode' })).toHaveTextContent('Webhook: none');
  });

  it('refuses what the contract refuses, at the field, and sends nothing', async () => {
    const calls = profilesServer([]);
    window.history.replaceState(null, '', '/?view=profiles');
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    const form = screen.getByRole('form', { name: 'QA profile' });
    await user.type(within(form).getByLabelText('Country codes'), 'USA');
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(within(form).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true'));
    expect(within(form).getByLabelText('Country codes')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.created).toEqual([]);
  });

  it('deletes a profile only once confirmed', async () => {
    const calls = profilesServer([profile()]);
    window.history.replaceState(null, '', '/?view=profiles');
    const { user } = renderApp();
    const item = await screen.findByRole('listitem', { name: 'US only' });
    await user.click(within(item).getByRole('button', { name: 'Delete' }));
    await user.click(within(item).getByRole('button', { name: 'Keep it' }));
    expect(calls.deleted).toEqual([]);
    await user.click(within(item).getByRole('button', { name: 'Delete' }));
    await user.click(within(item).getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('Deleted “US only”.')).toBeVisible();
    expect(calls.deleted).toEqual(['qap_1']);
  });
});

describe('picking a profile for a lookup', () => {
  beforeEach(() => {
    server.use(
      http.post('/api/link/token/get', () =>
        HttpResponse.json(answer({ metadata: { ...answer().metadata, country_codes: ['US'] } })),
      ),
    );
  });

  it('with ?expect= in the address, the answer leads with the checks', async () => {
    profilesServer([
      profile(),
      profile({ id: 'qap_2', name: 'Canada', expectations: { country_codes: ['CA'] } }),
    ]);
    window.history.replaceState(null, '', `/?link_token=${SANDBOX_TOKEN}&expect=qap_2`);
    renderApp();
    const checks = await screen.findByRole('region', { name: /Checks against “Canada”/ });
    expect(checks).toHaveTextContent('Fail');
    const answerPanel = screen.getByTestId('lookup-answer');
    const headings = within(answerPanel).getAllByRole('heading', { level: 3 });
    expect(headings[0]).toHaveTextContent('Checks against “Canada”');
    expect(screen.getByText(/Country codes is not what the profile “Canada” expects/)).toBeVisible();
  });

  it('choosing a profile puts it in the address and checks the answer; none takes it away', async () => {
    profilesServer([profile()]);
    window.history.replaceState(null, '', `/?link_token=${SANDBOX_TOKEN}`);
    const { user } = renderApp();
    await screen.findByTestId('lookup-answer');
    expect(screen.queryByRole('region', { name: /Checks against/ })).toBeNull();

    await user.selectOptions(await screen.findByLabelText('Check against'), 'qap_1');
    expect(new URL(window.location.href).searchParams.get('expect')).toBe('qap_1');
    expect(await screen.findByRole('region', { name: /Checks against “US only”/ })).toHaveTextContent('Pass');

    await user.selectOptions(screen.getByLabelText('Check against'), '');
    expect(new URL(window.location.href).searchParams.has('expect')).toBe(false);
    await waitFor(() => expect(screen.queryByRole('region', { name: /Checks against/ })).toBeNull());
  });

  it('says so when the profile in the address does not exist', async () => {
    profilesServer([profile()]);
    window.history.replaceState(null, '', `/?link_token=${SANDBOX_TOKEN}&expect=qap_gone`);
    renderApp();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'the profile qap_gone in the address cannot be used',
    );
  });
});
