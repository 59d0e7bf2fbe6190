import { Counter, Gauge, type Metric, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import { maskPublicTokens } from '../../shared/kept/mask-public-tokens';
import type { HistoryFilter, HistoryPageRequest } from '../../shared/history/history-api';
import type { PlaidEnvironment } from '../../shared/link-token';
import { LinkTokenGetResponseSchema } from '../../shared/schemas/link-token-get-response';
import { apiKeyStore, type ApiKeyStore } from './api-keys';
import { answerHashes } from './answer-hash';
import {
  databaseSize,
  deleteTokens,
  keepAnswer,
  purgeBefore,
  readForLookup,
  readKept,
  type KeptForLookup,
  type KeptToken,
} from './kept-answers';
import {
  diagnoseKept,
  historyPage,
  historyRows,
  startBackgroundDiagnosis,
  type StoredHistoryPage,
  type StoredHistoryRow,
} from './history';
import { listenForKeptWrites } from './kept-notifications';
import { lookupCache } from './lookup-cache';
import { openDatabase, type StoreLocation } from './open-database';
import { qaProfileStore, type QaProfileStore } from './qa-profiles';
import { recordingsIn, type Recordings } from './recordings';
import type { KeptSource } from './schema';
import {
  keepWebhookSession,
  tokenEnvironment,
  type WebhookKeepResult,
  type WebhookSessionToKeep,
} from './webhooks';

// The inspector's memory of what Plaid said (docs/architecture.md, "The store"): the one module
// that touches the database. Keeping an answer never delays the answer: keep() only queues it, and
// a single worker writes the queue after the response has gone. A store that fails makes lookups
// say "not kept"; it never fails them.

export type StoreConfig = { location: StoreLocation; retentionDays: number };

export type PlaidAnswerSeen = {
  linkToken: string;
  environment: PlaidEnvironment;
  // Plaid's answer, the bytes as received (parsed by the worker, off the response's path).
  body: Uint8Array;
  source: KeptSource;
  seenBy: string;
  // The last kept answer's hash, when the caller read it (readForLookup): an answer with the same
  // hash (or with the hash of the token's newest queued answer) is counted unchanged, not queued.
  lastKeptHash?: string;
};

export type Store = {
  kind: 'pglite' | 'postgresql';
  // Queues an answer unless the store holds it already (or will); false when the queue is full or
  // the store is failing (nothing queued).
  keep(seen: PlaidAnswerSeen): boolean;
  // Throw when the store cannot be read (and mark it degraded).
  read(linkToken: string): Promise<KeptToken | undefined>;
  // What a lookup reads while Plaid is asked: one indexed query (throws like read()).
  readForLookup(linkToken: string): Promise<KeptForLookup | undefined>;
  remove(linkTokens: readonly string[]): Promise<string[]>;
  purge(): Promise<number>;
  health(): 'ok' | 'degraded';
  // Adds the store's instruments to the app's /metrics.
  registerMetrics(registry: Registry): void;
  // Plaid's webhooks (store/webhooks.ts). Written at once, not queued: Plaid hears 200 only once
  // the session is kept, and sends the webhook again otherwise.
  tokenEnvironment(linkToken: string): Promise<PlaidEnvironment | undefined>;
  keepWebhookSession(entry: WebhookSessionToKeep): Promise<WebhookKeepResult>;
  // History (store/history.ts): a page of kept tokens with the breakdown, and the whole filtered
  // list (export); rediagnose() resolves when no kept verdict is outdated (tests).
  history(request: HistoryPageRequest): Promise<StoredHistoryPage>;
  historyRows(filter: HistoryFilter, limit: number): Promise<StoredHistoryRow[]>;
  rediagnose(): Promise<void>;
  // Resolves once everything queued so far has been written (tests, shutdown).
  idle(): Promise<void>;
  close(): Promise<void>;
  // API keys for machine clients (store/api-keys.ts).
  apiKeys: ApiKeyStore;
  // The recorder's schedule (store/recordings.ts).
  recordings: Recordings;
  // QA profiles (store/qa-profiles.ts).
  qaProfiles: QaProfileStore;
};

// Enough for a large batch arriving at once; beyond it answers are counted as not kept.
const QUEUE_MAX_ENTRIES = 1_000;
const QUEUE_MAX_BYTES = 64 * 1024 * 1024;
const PURGE_EVERY_MS = 60 * 60 * 1000;
// The tokens whose newest answer the store remembers (PGlite; with PostgreSQL no more than the queue).
const NEWEST_MAX_TOKENS = 5_000;

type QueuedAnswer = PlaidAnswerSeen & { hash: string };

export async function openStore(config: StoreConfig, logger: Logger): Promise<Store> {
  const { db, kind } = await openDatabase(config.location, logger);
  const instruments = storeInstruments();
  let healthy = true;
  const queue: QueuedAnswer[] = [];
  let queuedBytes = 0;
  let draining: Promise<void> | undefined;
  // With PGlite every write is this process's (data-dir-lock.ts): what it remembers of the store
  // stays exact. With PostgreSQL other instances write too; each write notifies every instance
  // (kept-notifications.ts), and the cache is read only while this one is listening.
  const exact = kind === 'pglite';
  const cache = lookupCache();
  const hashes = answerHashes();
  // Started once the database is open and migrated: nothing after this point can fail, so a store
  // that cannot be opened leaves no listening connection behind (kept-notifications.test.ts).
  const listener =
    'databaseUrl' in config.location
      ? listenForKeptWrites(config.location.databaseUrl, cache, logger)
      : undefined;
  // Each token's newest queued answer: the answer the store will hold for it once the queue is
  // written, which the lookup's read (taken before) cannot know. An answer with the same hash adds
  // nothing and is not queued (docs/benchmarks.md, "Keeping an answer off the lookup's path").
  // With PGlite an answer's hash (not its bytes) stays known once written, so a token looked up
  // again and again queues nothing; it is forgotten when its write fails or the token is removed,
  // and then the lookup's read decides. With PostgreSQL it is known only until the worker takes it:
  // an identical answer seen before then could only write what the queued one writes, and the
  // queued one writes later than both were seen, so nothing another instance keeps meanwhile is
  // overwritten by an older answer, and nothing newer is skipped.
  const newest = new Map<string, QueuedAnswer | { hash: string }>();

  // Every write to kept tokens goes through here: the lookup cache forgets them once the write is
  // done. A read that was in flight meanwhile is then not remembered (lookup-cache.ts counts
  // writes), and until then a lookup is given the token as it was before the write, without
  // waiting for the write. Tokens undefined: all of them (the purge).
  async function writingKept<T>(
    linkTokens: readonly string[] | undefined,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } finally {
      if (linkTokens) cache.forget(linkTokens);
      else cache.forgetAll();
    }
  }

  function forgetNewest(linkTokens: readonly string[] | undefined): void {
    if (linkTokens) {
      for (const linkToken of linkTokens) newest.delete(linkToken);
      hashes.forget(linkTokens);
    } else {
      newest.clear();
      hashes.forgetAll();
    }
  }

  // Every database call goes through here: a failure is counted, logged and marks the store
  // degraded until the next call that succeeds.
  async function attempt<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      healthy = true;
      return result;
    } catch (error) {
      healthy = false;
      instruments.failures.inc({ operation });
      logger.error({ err: error }, `store: ${operation} failed`);
      throw error;
    }
  }

  async function keepOne(seen: QueuedAnswer): Promise<void> {
    const { hash } = seen;
    const parsed = LinkTokenGetResponseSchema.safeParse(JSON.parse(new TextDecoder().decode(seen.body)));
    // Only answers the inspector can show are kept; the lookup itself reported any other.
    if (!parsed.success) return;
    const result = await attempt('keep', () =>
      writingKept([seen.linkToken], () =>
        keepAnswer(
          db,
          {
            linkToken: seen.linkToken,
            environment: seen.environment,
            answer: maskPublicTokens(parsed.data) as typeof parsed.data,
            source: seen.source,
            seenAt: new Date(),
            seenBy: seen.seenBy,
            answerHash: hash,
          },
          logger,
        ),
      ),
    );
    instruments.answers.inc({ result });
  }

  function drain(): Promise<void> {
    draining ??= (async () => {
      // Yield first, so the answer that queued this goes out before any work starts.
      await new Promise((resolve) => setImmediate(resolve));
      for (let seen = queue.shift(); seen; seen = queue.shift()) {
        queuedBytes -= seen.body.byteLength;
        const isNewest = () => newest.get(seen.linkToken) === seen;
        if (!exact && isNewest()) newest.delete(seen.linkToken);
        // A failure is counted and logged by attempt(); the store holds what it held before.
        const written = await keepOne(seen).then(
          () => true,
          () => false,
        );
        if (isNewest()) {
          if (written) newest.set(seen.linkToken, { hash: seen.hash });
          else newest.delete(seen.linkToken);
        }
      }
    })().finally(() => (draining = undefined));
    return draining;
  }

  const purge = () =>
    attempt('purge', async () => {
      const before = new Date(Date.now() - config.retentionDays * 24 * 60 * 60 * 1000);
      const purged = await writingKept(undefined, () => purgeBefore(db, before));
      if (purged > 0) {
        forgetNewest(undefined);
        logger.info(
          { audit: 'store.purge', tokens: purged },
          `store: purged ${purged} tokens past retention`,
        );
      }
      return purged;
    });
  const purgeTimer = setInterval(() => purge().catch(() => {}), PURGE_EVERY_MS).unref();
  void purge().catch(() => {});

  const diagnosis = startBackgroundDiagnosis(db, logger);

  const gauges = [
    new Gauge({
      name: 'store_size_bytes',
      help: "The store's database size on disk.",
      registers: [],
      async collect() {
        this.set(await databaseSize(db).catch(() => 0));
      },
    }),
    new Gauge({
      name: 'store_keep_queue_length',
      help: 'Answers waiting to be kept.',
      registers: [],
      collect() {
        this.set(queue.length);
      },
    }),
    new Gauge({
      name: 'store_up',
      help: '1 while the store answers, 0 after a store operation failed (until one succeeds).',
      registers: [],
      collect() {
        this.set(healthy ? 1 : 0);
      },
    }),
  ];

  return {
    kind,
    keep(seen) {
      if (!healthy) return false;
      const hash = hashes.of(seen.linkToken, seen.body);
      if (hash === (newest.get(seen.linkToken)?.hash ?? seen.lastKeptHash)) {
        instruments.unchanged.inc();
        return true;
      }
      if (queue.length >= QUEUE_MAX_ENTRIES || queuedBytes + seen.body.byteLength > QUEUE_MAX_BYTES) {
        instruments.failures.inc({ operation: 'queue_full' });
        return false;
      }
      const entry = { ...seen, hash };
      queue.push(entry);
      queuedBytes += seen.body.byteLength;
      newest.delete(seen.linkToken);
      newest.set(seen.linkToken, entry);
      // PGlite's map outlives the queue: the tokens whose answers changed longest ago go first
      // (their lookups' reads know their hashes too).
      if (newest.size > NEWEST_MAX_TOKENS) newest.delete(newest.keys().next().value!);
      void drain();
      return true;
    },
    read: (linkToken) => attempt('read', () => readKept(db, linkToken, logger)),
    readForLookup(linkToken) {
      // A remembered read asks nothing of the database, so it says nothing of the store's health.
      const readStore = () => attempt('read', () => readForLookup(db, linkToken, logger));
      return !listener || listener.listening() ? cache.read(linkToken, readStore) : readStore();
    },
    remove: (linkTokens) =>
      attempt('delete', () =>
        writingKept(linkTokens, () => deleteTokens(db, linkTokens)).finally(() => forgetNewest(linkTokens)),
      ),
    purge,
    history: (request) => attempt('history', () => historyPage(db, request)),
    historyRows: (filter, limit) => attempt('history', () => historyRows(db, filter, limit)),
    rediagnose: () => diagnosis.run(),
    health: () => (healthy ? 'ok' : 'degraded'),
    registerMetrics(registry) {
      const all: Metric[] = [instruments.answers, instruments.failures, ...gauges];
      for (const metric of all) registry.registerMetric(metric);
    },
    tokenEnvironment: (linkToken) => attempt('read', () => tokenEnvironment(db, linkToken)),
    keepWebhookSession: (entry) =>
      attempt('keep', async () => {
        const kept = await writingKept([entry.linkToken], () => keepWebhookSession(db, entry));
        // History's verdict now includes the webhook's session (a failed diagnosis is retried by
        // the background diagnosis, so it does not fail the webhook).
        if (kept.result === 'kept')
          await diagnoseKept(db, [entry.linkToken], new Date(), logger).catch((error: unknown) =>
            logger.error({ err: error }, 'store: diagnosing a webhook session failed'),
          );
        return kept;
      }),
    idle: async () => {
      while (draining) await draining;
    },
    recordings: recordingsIn(db, attempt),
    async close() {
      clearInterval(purgeTimer);
      await diagnosis.stop();
      while (draining) await draining;
      await listener?.close();
      await db.destroy();
    },
    apiKeys: apiKeyStore(db, attempt),
    qaProfiles: qaProfileStore(db, attempt),
  };
}

function storeInstruments() {
  const answers = new Counter({
    name: 'store_answers_total',
    help: 'Answers written to the store (kept) or found identical to the last one kept (unchanged).',
    labelNames: ['result'],
    registers: [],
  });
  return {
    answers,
    // Counted on most lookups: bound once rather than looked up by label each time.
    unchanged: answers.labels('unchanged'),
    failures: new Counter({
      name: 'store_failures_total',
      help: 'Store operations that failed, by operation (keep, read, delete, purge, queue_full).',
      labelNames: ['operation'],
      registers: [],
    }),
  };
}
