import type { TicketFormat } from '../../../../shared/diagnosis';
import { CopyButton } from '../../../components/CopyButton';

// "Copy for a ticket" in the two forms support tools take: plain text (email, most ticket
// systems) and Markdown (GitHub, Jira, Slack). `ticket` builds the text when a button is pressed,
// so it is as of that moment's answer.
export function TicketCopyButtons({ ticket }: { ticket: (format: TicketFormat) => string }) {
  return (
    <>
      <CopyButton
        label="Copy for a ticket: a plain-text summary of this lookup"
        caption="Copy for a ticket"
        getText={() => ticket('text')}
      />
      <CopyButton
        label="Copy for a ticket as Markdown"
        caption="Markdown"
        getText={() => ticket('markdown')}
      />
    </>
  );
}
