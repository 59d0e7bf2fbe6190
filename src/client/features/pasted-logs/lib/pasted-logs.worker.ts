import { readAndDiagnose } from './pasted-logs-reader';

// Reads pasted logs off the page's thread: a megabyte of logs takes the reader about half a
// second, which would freeze typing and scrolling.
self.onmessage = (event: MessageEvent<{ text: string; now: number }>) => {
  self.postMessage(readAndDiagnose(event.data.text, event.data.now));
};
