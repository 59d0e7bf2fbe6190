import { useEffect, useMemo, useState } from 'react';
import { extractTokens, type Extraction } from '../../shared/extract-tokens';
import { extractOffThread } from '../lib/extract-off-thread';

// Up to this many characters (a few thousand lines) a text is read as it is typed: well under a
// frame. A longer one is read off the main thread once typing pauses for PAUSE_MS.
export const READ_AT_ONCE_CHARS = 100_000;
const PAUSE_MS = 300;

const NOTHING_FOUND = extractTokens('');

export type TokenExtraction = {
  extraction: Extraction;
  // True while a long text is waiting to be read or being read; `extraction` is then the last one
  // read (or an empty one), not this text's.
  reading: boolean;
};

// The tokens in `text`, kept up to date as it changes, without ever running the extraction of a
// long text on every keystroke or on the main thread.
export function useTokenExtraction(text: string): TokenExtraction {
  const short = text.length <= READ_AT_ONCE_CHARS;
  const atOnce = useMemo(() => (short ? extractTokens(text) : null), [short, text]);
  const [read, setRead] = useState<{ text: string; extraction: Extraction } | null>(null);

  useEffect(() => {
    if (short) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      void extractOffThread(text, controller.signal).then((extraction) => {
        if (!controller.signal.aborted) setRead({ text, extraction });
      });
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [short, text]);

  if (atOnce) return { extraction: atOnce, reading: false };
  if (read?.text === text) return { extraction: read.extraction, reading: false };
  return { extraction: read?.extraction ?? NOTHING_FOUND, reading: true };
}
