import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../../shared/checks/check-answer';
import { makeResponse } from '../../../../shared/test/fixtures';
import { CheckList } from './CheckList';

const report = checkAnswer(
  {
    id: 'p1',
    name: 'New Item, US',
    expectations: {
      products: { initial_products: ['auth', 'transactions'], optional_products: ['identity'] },
      webhook: null,
      language: 'en',
    },
  },
  makeResponse(),
  new Date('2026-11-25T12:00:00Z'),
);

function row(label: string): HTMLElement {
  return screen.getByText(label, { selector: 'li > p' }).closest('li')!;
}

describe('CheckList', () => {
  it('leads with the profile, the overall status and the counts', () => {
    render(<CheckList report={report} />);
    const heading = screen.getByRole('heading', { name: /Checks against “New Item, US”/ });
    expect(heading).toHaveTextContent('Fail');
    expect(screen.getByText(/2 pass, 1 fails, 1 unknown\./)).toBeInTheDocument();
  });

  it('shows expected and actual side by side with each row’s status', () => {
    render(<CheckList report={report} />);
    const webhook = row('Webhook');
    expect(within(webhook).getByText('Fail')).toBeInTheDocument();
    expect(within(webhook).getByText('Expected').nextElementSibling).toHaveTextContent('none');
    expect(within(webhook).getByText('Actual').nextElementSibling).toHaveTextContent(
      'https://example.com/webhook',
    );
    expect(within(row('Initial products')).getByText('Pass')).toBeInTheDocument();
  });

  it('says why a row cannot be checked', () => {
    render(<CheckList report={report} />);
    const optional = row('Optional products');
    expect(within(optional).getByText('Unknown')).toBeInTheDocument();
    expect(optional).toHaveTextContent('cannot be checked from Plaid’s answer');
  });

  it('says so when the profile names nothing', () => {
    render(<CheckList report={{ ...report, rows: [], status: 'unknown' }} />);
    expect(screen.getByText(/names no expectations/)).toBeInTheDocument();
    expect(screen.getByRole('heading')).toHaveTextContent('Unknown');
  });
});
