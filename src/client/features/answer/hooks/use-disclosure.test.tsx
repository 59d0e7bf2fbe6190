import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useDisclosure } from './use-disclosure';

function Example({ initiallyOpen }: { initiallyOpen?: boolean }) {
  const { open, buttonProps, panelProps } = useDisclosure(initiallyOpen);
  return (
    <>
      <button type="button" {...buttonProps}>
        {open ? 'Hide' : 'Show'}
      </button>
      <div role="region" aria-label="Panel" {...panelProps}>
        panel text
      </div>
    </>
  );
}

describe('useDisclosure', () => {
  it('starts closed, with the button pointing at the hidden region', () => {
    render(<Example />);
    const button = screen.getByRole('button', { name: 'Show' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(button.getAttribute('aria-controls')!);
    expect(panel).toHaveTextContent('panel text');
    expect(panel).not.toBeVisible();
  });

  it('opens and closes the region on each click', async () => {
    const user = userEvent.setup();
    render(<Example />);
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('region', { name: 'Panel' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.getByRole('button', { name: 'Show' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('can start open', () => {
    render(<Example initiallyOpen />);
    expect(screen.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('region', { name: 'Panel' })).toBeVisible();
  });
});
