import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../../../shared/api-paths';
import { invalidCredentials, makeResponse, makeSession } from '../../../../shared/test/fixtures';
import { server } from '../../../test/msw-server';
import { CompareWithToken } from './CompareWithToken';

const OTHER = 'link-sandbox-11111111-2222-4333-8444-555555555555';
const linked = makeResponse({
  link_sessions: [
    makeSession({
      on_success: { public_token: 'public-sandbox-x', metadata: { institution: { name: 'Tartan Bank' } } },
    }),
  ],
});
const failedToday = makeResponse({
  link_token: OTHER,
  metadata: { ...linked.metadata, webhook: null },
  link_sessions: [
    makeSession({ exit: { error: invalidCredentials, metadata: { status: 'requires_credentials' } } }),
  ],
});

function row(table: HTMLElement, label: RegExp): HTMLElement {
  return within(table).getByRole('rowheader', { name: label }).closest('tr')!;
}

async function compareWith(token: string) {
  const user = userEvent.setup();
  render(
    <CompareWithToken
      first={linked}
      answeredAt={Date.parse('2026-11-25T12:00:00Z')}
      credentials={{ client_id: 'my-client', secret: 'my-secret' }}
    />,
  );
  await user.click(screen.getByRole('button', { name: 'Compare with another token' }));
  await user.type(screen.getByLabelText('The other link_token'), token);
  await user.click(screen.getByRole('button', { name: 'Compare' }));
}

describe('CompareWithToken', () => {
  it('looks the other token up with the same credentials and marks what differs', async () => {
    let asked: unknown;
    server.use(
      http.post(API_PATHS.linkTokenGet, async ({ request }) => {
        asked = await request.json();
        return HttpResponse.json(failedToday);
      }),
    );
    await compareWith(OTHER);
    const configuration = await screen.findByRole('table', { name: 'Configuration' });
    expect(asked).toEqual({ link_token: OTHER, client_id: 'my-client', secret: 'my-secret' });
    // The summary counts exactly the rows marked.
    const marked = screen.getAllByText('Differs').length;
    expect(marked).toBeGreaterThan(1);
    expect(screen.getByText(new RegExp(`^${marked} differences, marked below\\.`))).toBeInTheDocument();
    const webhook = row(configuration, /Webhook/);
    expect(webhook).toHaveTextContent('Differs');
    expect(
      within(webhook)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['https://example.com/webhook', 'none']);
    expect(row(configuration, /Initial products/)).not.toHaveTextContent('Differs');
    const outcome = screen.getByRole('table', { name: 'Outcome' });
    expect(
      within(row(outcome, /Verdict/))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Linked', 'Failed']);
  });

  it('says why when the other token cannot be looked up', async () => {
    server.use(
      http.post(API_PATHS.linkTokenGet, () =>
        HttpResponse.json(
          {
            error_type: 'INVALID_INPUT',
            error_code: 'INVALID_LINK_TOKEN',
            error_message: 'link token not found',
            display_message: null,
            request_id: 'req-1',
          },
          { status: 400 },
        ),
      ),
    );
    await compareWith(OTHER);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not look up the other token: link token not found',
    );
  });

  it('names a token that is not a link token without asking the server', async () => {
    await compareWith('access-sandbox-123');
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Could not look up the other token: ./);
  });
});
