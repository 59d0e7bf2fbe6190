import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { proxyError } from '../../shared/schemas/proxy-error';
import { lazyAnswerPanels } from './answer-panels';

// The answer's panels are a chunk of their own, which the app hands to the Lookup tab. When that
// download fails (the connection dropped, or the server was updated and the old chunk is gone),
// the panel says so instead of the page going blank.
vi.mock('../features/answer', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/index-abc123.js');
});

describe("the answer's panels, when their code cannot be downloaded", () => {
  it('say so and ask for a reload', async () => {
    const error = proxyError('UPSTREAM_TIMEOUT', 'Plaid did not answer in time.', 'req-1');
    render(
      <Suspense fallback={null}>
        <lazyAnswerPanels.ErrorPanel
          error={new ApiError(error, { httpStatus: 504, raw: error })}
          failedAt={0}
        />
      </Suspense>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^The answer could not be loaded: .* Reload the page and look the token up again\.$/,
    );
  });
});
