import { extractTokens } from '../../shared/extract-tokens';

// A Web Worker that runs extractTokens on the text it is sent and answers with the Extraction, so
// that reading a log file of millions of lines never freezes the page (lib/extract-off-thread.ts
// starts it).
self.addEventListener('message', (event: MessageEvent<string>) => {
  self.postMessage(extractTokens(event.data));
});
