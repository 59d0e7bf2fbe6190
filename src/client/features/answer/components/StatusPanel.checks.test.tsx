import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { version } from '../../../../../package.json';
import { beforeEach, describe, expect, it } from 'vitest';
import { catchDownloads } from '../../../test/downloads';
import { invalidCredentials, makeResponse, makeSession } from '../../../../shared/test/fixtures';
import { makeResult } from '../../../test/lookup-results';
import { StatusPanel } from './StatusPanel';

const PUBLIC_TOKEN = 'public-sandbox-0f0f0f0f-1111-2222-3333-444455556666';
const ANSWERED_AT = Date.parse('2026-11-25T10:30:00Z');
const data = makeResponse({
  link_sessions: [
    makeSession({
      exit: {
        error: invalidCredentials,
        metadata: { status: 'requires_credentials', institution: { name: 'Tartan Bank' } },
      },
    }),
    makeSession({
      link_session_id: 'session-0',
      on_success: { public_token: PUBLIC_TOKEN, metadata: { institution: { name: 'Tartan Bank' } } },
    }),
  ],
});
const profile = { id: 'profile-1', name: 'New Item, US', expectations: { webhook: null, language: 'en' } };

let blobs: Blob[];
beforeEach(() => {
  blobs = catchDownloads();
});

describe('StatusPanel checked against a QA profile', () => {
  it('shows the checks before the findings and adds each failed check as a Problem', () => {
    render(<StatusPanel result={makeResult(data)} answeredAt={ANSWERED_AT} checkAgainst={profile} />);
    const checks = screen.getByRole('region', { name: /Checks against “New Item, US”/ });
    const findings = screen.getByRole('region', { name: /Findings/ });
    expect(checks.compareDocumentPosition(findings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      within(findings).getByText('Webhook is not what the profile “New Item, US” expects'),
    ).toBeInTheDocument();
  });

  it('downloads the evidence as HTML and as Markdown, with the verdict, the checks and public tokens masked', async () => {
    const user = userEvent.setup();
    render(<StatusPanel result={makeResult(data)} answeredAt={ANSWERED_AT} checkAgainst={profile} />);
    await user.click(
      screen.getByRole('button', { name: /Download evidence: a report of this lookup as an HTML file/ }),
    );
    await user.click(screen.getByRole('button', { name: 'Download evidence as Markdown' }));
    expect(blobs.map((blob) => blob.type)).toEqual(['text/html', 'text/markdown']);
    const [html = '', markdown = ''] = await Promise.all(blobs.map((blob) => blob.text()));
    expect(html).toContain('Verdict: <span class="badge tone-failure">Failed</span>');
    expect(html).toContain('Checks against “New Item, US”');
    expect(html).toMatch(/Fail<\/span><\/td><th scope="row">Webhook/);
    expect(markdown).toContain('| Pass | Language | en | en |');
    for (const text of [html, markdown]) {
      expect(text).not.toContain(PUBLIC_TOKEN);
      expect(text).toContain(`Link Token Inspector ${version}`);
    }
  });

  it('offers the evidence without a profile too, with no checks in it', async () => {
    const user = userEvent.setup();
    render(<StatusPanel result={makeResult(data)} answeredAt={ANSWERED_AT} />);
    expect(screen.queryByRole('region', { name: /Checks against/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Download evidence: a report/ }));
    const html = await blobs[0]!.text();
    expect(html).toContain('Verdict:');
    expect(html).not.toContain('Checks against');
  });
});
