import { screen } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answer, configHandler, fixtureTokensHandler, SANDBOX_TOKEN } from '../../../test/answers';
import { lookupHandler, tokenField } from '../../../test/lookup-page';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render-app';

// The answer view is a chunk of its own, downloaded after the page. When that download fails (the
// connection dropped, or the server was updated and the old chunk is gone), the page says so
// instead of going blank.
vi.mock('./AnswerView', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/AnswerView-abc123.js');
});

beforeEach(() => {
  window.localStorage.clear();
  server.use(
    configHandler(),
    fixtureTokensHandler(),
    lookupHandler(() => HttpResponse.json(answer())).handler,
  );
});

describe('the answer view, when its code cannot be downloaded', () => {
  it('says so and asks for a reload, once a lookup is made', async () => {
    const { user } = renderApp();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(tokenField());
    await user.paste(SANDBOX_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^The answer view could not be loaded: .* Reload the page and look the token up again\.$/,
    );
  });
});
