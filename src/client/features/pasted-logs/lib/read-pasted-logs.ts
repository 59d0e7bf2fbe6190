import type { PastedLogsAnswer } from './pasted-logs-reader';

// Reads pasted logs in a worker, one per paste (ended once it answers). Where there are no
// workers (jsdom, in the component tests) the reader runs on a later task of the page instead.
export function readPastedLogs(text: string, now: number): Promise<PastedLogsAnswer> {
  if (typeof Worker === 'undefined') {
    return import('./pasted-logs-reader').then((reader) => reader.readAndDiagnose(text, now));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pasted-logs.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<PastedLogsAnswer>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The reader of pasted logs stopped.'));
    };
    worker.postMessage({ text, now });
  });
}
