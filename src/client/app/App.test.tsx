import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../test/msw-server';
import { configHandler, fixtureTokensHandler, SANDBOX_TOKEN } from '../test/answers';
import { renderApp } from '../test/render-app';

beforeEach(() => {
  window.localStorage.clear();
  server.use(configHandler(), fixtureTokensHandler());
});

describe('app shell', () => {
  it('has the title and Lookup / Batch tabs; switching keeps what was typed', async () => {
    const { user } = renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Link Token Inspector' })).toBeVisible();
    const lookupTab = screen.getByRole('tab', { name: 'Lookup' });
    const batchTab = screen.getByRole('tab', { name: 'Batch' });
    expect(lookupTab).toHaveAttribute('aria-selected', 'true');

    const form = screen.getByRole('form', { name: 'Look up a link token' });
    await user.click(within(form).getByLabelText('Link token'));
    await user.paste(SANDBOX_TOKEN);

    await user.click(batchTab);
    expect(batchTab).toHaveAttribute('aria-selected', 'true');
    expect(form).not.toBeVisible();
    expect(await screen.findByRole('button', { name: 'Look up tokens' })).toBeVisible();

    // Arrow keys move between tabs (one tab stop for the whole tab list).
    await user.keyboard('{ArrowLeft}');
    expect(lookupTab).toHaveFocus();
    expect(form).toBeVisible();
    expect(within(form).getByLabelText('Link token')).toHaveValue(SANDBOX_TOKEN);
  });
});
