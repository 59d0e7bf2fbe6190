import { Writable } from 'node:stream';

// A pino destination that keeps every line in memory, for tests that read what the server logged.
export type LogCapture = {
  destination: Writable;
  lines: () => Record<string, unknown>[];
  text: () => string;
};

export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    destination,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
