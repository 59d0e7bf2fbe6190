import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkTokenGetResponse } from '../../../shared/schemas/link-token-get-response';
import { server } from '../../test/msw-server';
import { WATCH_INTERVAL_MS } from '../../features/lookup/lib/watch-timing';
import {
  answer,
  configHandler,
  exampleSession,
  fixtureTokensHandler,
  runningSession,
  SANDBOX_TOKEN,
} from '../../test/answers';
import { renderApp } from '../../test/render-app';

// The server answers with the next of `answers` on each lookup (the last one repeats), like a
// Link session unfolding between polls.
function unfolding(answers: LinkTokenGetResponse[]) {
  let calls = 0;
  server.use(
    http.post('/api/link/token/get', () => HttpResponse.json(answers[Math.min(calls++, answers.length - 1)])),
  );
  return { calls: () => calls };
}

async function lookUp(user: ReturnType<typeof renderApp>['user']) {
  await user.click(
    screen.getByLabelText('Link token', { selector: 'form[aria-label="Look up a link token"] input' }),
  );
  await user.paste(SANDBOX_TOKEN);
  await user.click(screen.getByRole('button', { name: 'Look up' }));
  await screen.findByRole('heading', { name: 'Link token details' });
}

async function nextPoll() {
  await act(() => vi.advanceTimersByTimeAsync(WATCH_INTERVAL_MS));
}

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  window.localStorage.clear();
  server.use(configHandler(), fixtureTokensHandler());
});

afterEach(() => {
  vi.useRealTimers();
});

describe('live watch', () => {
  it('polls while a session runs, announces new events, and stops when it finishes', async () => {
    const server = unfolding([
      answer({ link_sessions: [runningSession(2)] }),
      answer({ link_sessions: [runningSession(5)] }),
      answer({ link_sessions: [exampleSession] }),
    ]);
    const { user } = renderApp({ advanceTimers: vi.advanceTimersByTime });
    await lookUp(user);
    expect(server.calls()).toBe(1);

    const watch = screen.getByRole('button', { name: 'Watch' });
    await user.click(watch);
    // Starting to watch asks at once.
    await waitFor(() => expect(server.calls()).toBe(2));
    expect(await screen.findByText(/3 new events\./)).toBeInTheDocument();
    expect(watch).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getAllByText(/Watching: 1 session in progress/).length).toBeGreaterThan(0);

    await nextPoll();
    await waitFor(() => expect(server.calls()).toBe(3));
    expect(
      (await screen.findAllByText(/Stopped watching: every session has finished\./)).length,
    ).toBeGreaterThan(0);
    expect(watch).toHaveAttribute('aria-pressed', 'false');

    await nextPoll();
    await nextPoll();
    expect(server.calls()).toBe(3);
  });

  it('stops when a poll fails', async () => {
    let calls = 0;
    server.use(
      http.post('/api/link/token/get', () =>
        calls++ === 0
          ? HttpResponse.json(answer({ link_sessions: [runningSession(2)] }))
          : HttpResponse.json(
              {
                error_type: 'RATE_LIMIT_EXCEEDED',
                error_code: 'RATE_LIMIT',
                error_message: 'slow down',
                display_message: null,
              },
              { status: 429 },
            ),
      ),
    );
    const { user } = renderApp({ advanceTimers: vi.advanceTimersByTime });
    await lookUp(user);
    await user.click(screen.getByRole('button', { name: 'Watch' }));
    expect((await screen.findAllByText(/Stopped watching: the lookup failed\./)).length).toBeGreaterThan(0);
    await nextPoll();
    await nextPoll();
    expect(calls).toBe(2);
  });

  it('cannot be started when nothing can change any more', async () => {
    unfolding([answer({ link_sessions: [exampleSession] })]);
    const { user } = renderApp({ advanceTimers: vi.advanceTimersByTime });
    await lookUp(user);
    expect(screen.getByRole('button', { name: 'Watch' })).toBeDisabled();
    expect(screen.getAllByText(/Nothing to watch: every session has finished\./).length).toBeGreaterThan(0);
  });

  it('pauses while the tab is hidden', async () => {
    const server = unfolding([answer({ link_sessions: [runningSession(2)] })]);
    const { user } = renderApp({ advanceTimers: vi.advanceTimersByTime });
    await lookUp(user);
    await user.click(screen.getByRole('button', { name: 'Watch' }));
    await waitFor(() => expect(server.calls()).toBe(2));

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await nextPoll();
    await nextPoll();
    expect(server.calls()).toBe(2);

    visibility.mockReturnValue('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await nextPoll();
    await waitFor(() => expect(server.calls()).toBeGreaterThan(2));
  });
});
