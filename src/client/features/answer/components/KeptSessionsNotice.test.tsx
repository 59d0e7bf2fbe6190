import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KeptSessionsNotice } from './KeptSessionsNotice';

describe('KeptSessionsNotice', () => {
  it('says one session below is the store’s copy, then why Plaid’s answer lacks it', () => {
    render(<KeptSessionsNotice count={1} why="Plaid’s answer no longer has it." />);
    expect(screen.getByText(/^1 session below comes/)).toHaveTextContent(
      '1 session below comes from the inspector’s store, not from Plaid now: Plaid’s answer no longer has it.',
    );
  });

  it('counts several sessions, and takes a why with a link', () => {
    render(
      <KeptSessionsNotice
        count={3}
        why={
          <>
            Plaid answered with an error. <a href="/?link_token=t&kept=1">Open the kept answer</a>
          </>
        }
      />,
    );
    expect(
      screen.getByText(
        /^3 sessions below come from the inspector’s store, not from Plaid now: Plaid answered with an error\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the kept answer' })).toHaveAttribute(
      'href',
      '/?link_token=t&kept=1',
    );
  });
});
