import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

// The main thread's side of pglite-worker.js: queries go to the worker and come back as messages,
// each bounded by a deadline. A query past its deadline fails, and the worker (stuck in it) is
// ended and started again on the same data directory: PostgreSQL recovers it as after a crash, and
// nothing uncommitted was promised to anyone.

export type QueryResult = { rows: unknown[]; affectedRows: number };
export type PgliteThread = {
  query(sql: string, params: readonly unknown[]): Promise<QueryResult>;
  close(): Promise<void>;
};

type Pending = {
  resolve: (result: QueryResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

const WORKER_FILE = new URL('./pglite-worker.js', import.meta.url);

export async function startPgliteThread(
  dataDir: string,
  timeoutMs: number,
  logger: Logger,
): Promise<PgliteThread> {
  let worker = await launch(dataDir);
  let nextId = 0;
  const pending = new Map<number, Pending>();
  // A restart in progress: queries wait for it.
  let restarting: Promise<void> | undefined;

  const listen = (current: Worker) => {
    current.on(
      'message',
      (message: { id: number; rows?: unknown[]; affectedRows?: number; error?: string }) => {
        const waiting = pending.get(message.id);
        if (!waiting) return;
        pending.delete(message.id);
        clearTimeout(waiting.timer);
        if (message.error !== undefined) waiting.reject(new Error(message.error));
        else waiting.resolve({ rows: message.rows ?? [], affectedRows: message.affectedRows ?? 0 });
      },
    );
  };
  listen(worker);

  const restart = () => {
    restarting ??= (async () => {
      logger.error(`store: a query ran past ${timeoutMs} ms; restarting the embedded database`);
      await worker.terminate();
      for (const [, waiting] of pending) waiting.reject(new Error('The embedded database was restarted.'));
      pending.clear();
      worker = await launch(dataDir);
      listen(worker);
    })().finally(() => (restarting = undefined));
  };

  return {
    async query(sql, params) {
      if (restarting) await restarting;
      const id = nextId++;
      return new Promise<QueryResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`The query took longer than ${timeoutMs} ms and was cancelled.`));
          restart();
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        worker.postMessage({ id, sql, params });
      });
    },
    async close() {
      if (restarting) await restarting;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ close: true });
      await exited;
    },
  };
}

function launch(dataDir: string): Promise<Worker> {
  const worker = new Worker(WORKER_FILE, { workerData: { dataDir } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { ready?: true; failed?: string }) => {
      if (message.ready) resolve(worker);
      else reject(new Error(`The embedded database in ${dataDir} could not be opened: ${message.failed}`));
    });
  });
}
