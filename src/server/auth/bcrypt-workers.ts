import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

// bcrypt is slow on purpose: one check at cost 10 takes about 70 ms of CPU in bcryptjs. Run on the
// event loop, a burst of sign-ins would hold up every other request, /healthz included, and make
// Redis commands time out. So checks run on worker threads, THREADS at a time; MAX_WAITING more
// may wait their turn, and beyond those a check is refused at once ('busy') rather than queued
// without end. One pool serves the whole process, as its CPUs do.
const THREADS = Math.min(2, availableParallelism());
const MAX_WAITING = 4;

// bcrypt's verdict on a password against a hash, or 'busy' when THREADS + MAX_WAITING checks are
// already running or waiting.
export type BcryptCompare = (password: string, hash: string) => Promise<boolean | 'busy'>;

// The worker, as CommonJS source: the same code runs from TypeScript sources (tests, tsx) and from
// the bundled build, where a separate worker file would need a build entry of its own.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.bcryptjs);
parentPort.on('message', ({ password, hash }) => parentPort.postMessage(bcrypt.compareSync(password, hash)));
`;

type Job = {
  password: string;
  hash: string;
  resolve: (match: boolean) => void;
  reject: (error: Error) => void;
};

export function createBcryptWorkers(): BcryptCompare {
  const bcryptjs = createRequire(import.meta.url).resolve('bcryptjs');
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  const waiting: Job[] = [];

  // Started on first use, so that a server without AUTH_USERS never starts one.
  function startWorker(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptjs } });
    // Idle workers never keep the process alive.
    worker.unref();
    worker.on('message', (match: boolean) => {
      running.get(worker)?.resolve(match);
      running.delete(worker);
      takeNext(worker);
    });
    // Not expected (hashes are checked at start), but a job must never hang: the worker is gone.
    worker.on('error', (error) => {
      running.get(worker)?.reject(error);
      running.delete(worker);
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
      const next = waiting.shift();
      if (next) run(startWorker(), next);
    });
    return worker;
  }

  function run(worker: Worker, job: Job): void {
    running.set(worker, job);
    worker.postMessage({ password: job.password, hash: job.hash });
  }

  function takeNext(worker: Worker): void {
    const job = waiting.shift();
    if (job) run(worker, job);
    else idle.push(worker);
  }

  return (password, hash) => {
    if (running.size + waiting.length >= THREADS + MAX_WAITING) return Promise.resolve('busy');
    return new Promise((resolve, reject) => {
      const job = { password, hash, resolve, reject };
      const worker = idle.pop() ?? (running.size < THREADS ? startWorker() : undefined);
      if (worker) run(worker, job);
      else waiting.push(job);
    });
  };
}

// The process's pool.
export const bcryptOnWorkers: BcryptCompare = createBcryptWorkers();
