import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { failedSession, linkTokenBody, tokenNumber } from '../../../test/batch-answers';
import { LinkTokenGetResponseSchema } from '../../../../shared/schemas/link-token-get-response';
import { rowFromOutcome } from '../lib/batch-row';
import { BatchDrawer } from './BatchDrawer';
import { NotKeptNotice } from './NotKeptNotice';

// What the batch shows for answers over its memory budget (lib/answer-budget.ts): the budget itself
// is tested there, the export in lib/export-batch.test.ts; filling 64 MB through msw would take a
// minute.

const TOKEN = tokenNumber(1);

// A dropped answer has no panel to show: either one rendered would be a bug.
function noPanel(): never {
  throw new Error('A row whose answer was not kept rendered an answer panel');
}
const NO_PANELS = { StatusPanel: noPanel, ErrorPanel: noPanel };

function droppedEntry() {
  const raw = linkTokenBody(TOKEN, { sessions: [failedSession('INSTITUTION_DOWN')] });
  const result = { data: LinkTokenGetResponseSchema.parse(raw), raw, size: 16 * 1024 * 1024, timing: null };
  const row = rowFromOutcome(TOKEN, { kind: 'success', result }, Date.now());
  return { token: TOKEN, outcome: null, row, notKept: { size: result.size } };
}

describe('answers not kept', () => {
  it('says above the table how many answers were not kept, why, and what is still complete', () => {
    render(<NotKeptNotice count={3} />);
    expect(screen.getByText(/^Plaid’s full answers for 3 tokens were not kept/)).toHaveTextContent(
      'Plaid’s full answers for 3 tokens were not kept: this page keeps at most 64 MB of answers per batch, so that the browser does not run out of memory. Their rows, verdicts and summaries are complete; their details and the JSON export leave the answer out. Look such a token up on its own to see its answer.',
    );
  });

  it('shows the row’s verdict in the drawer, and says the answer was not kept instead of an empty panel', () => {
    render(
      <BatchDrawer
        entry={droppedEntry()}
        runLookup={null}
        panels={NO_PANELS}
        label={TOKEN}
        id="drawer"
        headingId="drawer-heading"
        index={0}
        total={1}
        onPrevious={null}
        onNext={null}
        onClose={() => {}}
        fullScreen={false}
      />,
    );

    expect(
      screen.getByText(/^Plaid’s answer \(16\.0 MB\) was not kept: this page keeps at most 64 MB/),
    ).toBeVisible();
    expect(screen.getByText(`Row 1 of 1: Failed, ${TOKEN}`)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Link token details' })).not.toBeInTheDocument();
  });
});
