import { extractTokens, type Extraction } from '../../shared/extract-tokens';

// extractTokens in a Web Worker of its own, for a text large enough to freeze the page. Aborting
// terminates the worker, so text replaced by newer typing stops costing anything. Where no module
// worker can start (jsdom in component tests, or a browser that refuses one), the text is read
// here instead: slower for the page, but the user still gets the answer.
export function extractOffThread(text: string, signal: AbortSignal): Promise<Extraction> {
  if (typeof Worker === 'undefined') return Promise.resolve(extractTokens(text));
  const worker = new Worker(new URL('./extract-tokens.worker.ts', import.meta.url), { type: 'module' });
  signal.addEventListener('abort', () => worker.terminate(), { once: true });
  return new Promise((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<Extraction>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('error', () => {
      worker.terminate();
      resolve(extractTokens(text));
    });
    worker.postMessage(text);
  });
}
