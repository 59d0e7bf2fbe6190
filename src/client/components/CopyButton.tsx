import { useEffect, useState } from 'react';
import { Button } from './Button';
import { VisuallyHidden } from './VisuallyHidden';

type CopyState = 'idle' | 'copied' | 'failed';

// Copies `text` (or the result of `getText`, for large values built only on demand, or code loaded
// only on demand) and says so,
// both visibly and to screen readers. `caption` is the visible text where "Copy" alone would not
// say what is copied.
export function CopyButton({
  label,
  text,
  getText,
  caption = 'Copy',
}: {
  label: string;
  text?: string;
  getText?: () => string | Promise<string>;
  caption?: string;
}) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const id = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(id);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text ?? (await getText?.()) ?? '');
      setState('copied');
    } catch {
      // Clipboard access is refused on insecure origins and in some embedded browsers.
      setState('failed');
    }
  }

  return (
    <>
      <Button size="small" onClick={copy} aria-label={label}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : caption}
      </Button>
      <VisuallyHidden role="status">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Could not copy: select the text instead'
            : ''}
      </VisuallyHidden>
    </>
  );
}
