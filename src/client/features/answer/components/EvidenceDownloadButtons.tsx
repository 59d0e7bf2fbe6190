import { version } from '../../../../../package.json';
import type { EvidenceInput } from '../../../../shared/checks/evidence-content';
import { evidenceHtml } from '../../../../shared/checks/evidence-html';
import { evidenceMarkdown } from '../../../../shared/checks/evidence-markdown';
import { Button } from '../../../components/Button';
import { downloadFile } from '../../../lib/download-file';

function evidenceFileName(token: string, extension: 'html' | 'md'): string {
  // Keep the file name portable whatever the token holds.
  return `evidence-${token.replace(/[^A-Za-z0-9_-]/g, '_')}.${extension}`;
}

// "Download evidence": the lookup as a report to attach to a test run (HTML, opens offline and
// prints) or to paste into a ticket (Markdown). Built when pressed, in the browser: the evidence
// never goes to the server. `evidence` gives everything but the inspector's version.
export function EvidenceDownloadButtons({
  evidence,
}: {
  evidence: () => Omit<EvidenceInput, 'inspectorVersion'>;
}) {
  const input = (): EvidenceInput => ({ ...evidence(), inspectorVersion: version });
  return (
    <>
      <Button
        size="small"
        aria-label="Download evidence: a report of this lookup as an HTML file"
        onClick={() => {
          const built = input();
          downloadFile(evidenceFileName(built.answer.link_token, 'html'), evidenceHtml(built), 'text/html');
        }}
      >
        Download evidence
      </Button>
      <Button
        size="small"
        aria-label="Download evidence as Markdown"
        onClick={() => {
          const built = input();
          downloadFile(
            evidenceFileName(built.answer.link_token, 'md'),
            evidenceMarkdown(built),
            'text/markdown',
          );
        }}
      >
        Evidence as Markdown
      </Button>
    </>
  );
}
