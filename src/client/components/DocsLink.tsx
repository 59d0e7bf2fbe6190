import type { ReactNode } from 'react';
import { VisuallyHidden } from './VisuallyHidden';

// A link to Plaid's documentation, opened in a new tab so the answer stays where it was.
export function DocsLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
      <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
    </a>
  );
}
