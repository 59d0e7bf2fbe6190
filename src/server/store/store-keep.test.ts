import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import { makeResponse } from '../../shared/test/fixtures';
import { answerHash } from './answer-hash';
import { openStore, type PlaidAnswerSeen, type Store } from './store';
import { BACKENDS, startBackend, type TestBackend } from './test-backends';

// What Store.keep() queues: an answer the store holds already, or is about to hold, is neither
// queued nor written (a token looked up again and again costs its lookups no write), and any other
// answer is still kept, also after a removal and, with PostgreSQL, after another instance kept a
// different answer for the token.

let tokenNumber = 0;
function newToken(): string {
  tokenNumber += 1;
  return `link-sandbox-22222222-0000-4000-8000-${String(tokenNumber).padStart(12, '0')}`;
}

const bytes = (answer: LinkTokenGetResponse) => new TextEncoder().encode(JSON.stringify(answer));
const hashOf = (answer: LinkTokenGetResponse) => answerHash(bytes(answer));

function seen(answer: LinkTokenGetResponse, lastKeptHash?: string): PlaidAnswerSeen {
  return {
    linkToken: answer.link_token,
    environment: 'sandbox',
    body: bytes(answer),
    source: 'lookup',
    seenBy: 'ana',
    lastKeptHash,
  };
}

// An answer for the token, and the same answer as Plaid gives it again (a new request_id).
function answers(linkToken: string, clientName = 'Acme Budget') {
  const metadata = { ...makeResponse().metadata, client_name: clientName };
  return [1, 2, 3].map((n) => makeResponse({ link_token: linkToken, metadata, request_id: `req-${n}` }));
}

async function openWithMetrics(backend: TestBackend) {
  const store = await openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' }));
  const registry = new Registry();
  store.registerMetrics(registry);
  // Read at once after keep(): the worker starts on the next turn of the event loop.
  const queued = async () =>
    (await registry.getSingleMetric('store_keep_queue_length')!.get()).values[0]!.value;
  return { store, queued };
}

describe.each(BACKENDS)('keeping answers on %s', (backendName) => {
  let backend: TestBackend;
  let store: Store;
  let queued: () => Promise<number>;
  beforeAll(async () => {
    backend = await startBackend(backendName);
    ({ store, queued } = await openWithMetrics(backend));
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await backend?.done();
  });

  it('queues an answer once, not again while it waits nor once it is kept (request_id aside)', async () => {
    const [first, again, later] = answers(newToken());
    expect(store.keep(seen(first!))).toBe(true);
    expect(await queued()).toBe(1);
    expect(store.keep(seen(again!))).toBe(true);
    expect(await queued()).toBe(1);
    await store.idle();

    // A lookup's read knows the kept hash on both; with PGlite the store itself knows it too.
    expect(store.keep(seen(later!, backendName === 'pglite' ? undefined : hashOf(first!)))).toBe(true);
    expect(await queued()).toBe(0);
    await store.idle();
    expect((await store.read(first!.link_token))?.answer?.request_id).toBe('req-1');
  });

  it('keeps a changed answer, and the earlier one again when Plaid returns to it while the change waits', async () => {
    const token = newToken();
    const [before] = answers(token);
    const [changed] = answers(token, 'Acme Budget Pro');
    store.keep(seen(before!));
    await store.idle();

    // Both lookups read the store before the change was written: each answer is queued, in order.
    const readBefore = (await store.readForLookup(token))?.answerHash;
    expect(readBefore).toBe(hashOf(before!));
    expect(store.keep(seen(changed!, readBefore))).toBe(true);
    const backAgain = { ...before!, request_id: 'req-back' };
    expect(store.keep(seen(backAgain, readBefore))).toBe(true);
    expect(await queued()).toBe(2);
    await store.idle();
    expect((await store.read(token))?.answer?.request_id).toBe('req-back');
  });

  it('keeps an answer again after its token was removed', async () => {
    const token = newToken();
    const [first, again] = answers(token);
    store.keep(seen(first!));
    await store.idle();
    expect(await store.remove([token])).toEqual([token]);

    // The lookup's read after the removal: the store does not know the token.
    expect(await store.readForLookup(token)).toBeUndefined();
    expect(store.keep(seen(again!, undefined))).toBe(true);
    expect(await queued()).toBe(1);
    await store.idle();
    expect((await store.read(token))?.answer?.request_id).toBe('req-2');
  });
});

describe('keeping answers from two instances on one PostgreSQL', () => {
  let backend: TestBackend;
  let instances: Awaited<ReturnType<typeof openWithMetrics>>[];
  beforeAll(async () => {
    backend = await startBackend('postgresql');
    instances = await Promise.all([1, 2].map(() => openWithMetrics(backend)));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(instances?.map(({ store }) => store.close()) ?? []);
    await backend?.done();
  });

  it('writes an answer one instance kept before, once the other kept a different one', async () => {
    const [one, other] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const token = newToken();
    const [first, , again] = answers(token);
    const [changed] = answers(token, 'Acme Budget Pro');
    one.store.keep(seen(first!));
    await one.store.idle();
    other.store.keep(seen(changed!, (await other.store.readForLookup(token))?.answerHash));
    await other.store.idle();

    // The first instance wrote this answer's hash itself, but the store now holds the other's.
    const read = (await one.store.readForLookup(token))?.answerHash;
    expect(read).toBe(hashOf(changed!));
    expect(one.store.keep(seen(again!, read))).toBe(true);
    expect(await one.queued()).toBe(1);
    await one.store.idle();
    expect((await other.store.read(token))?.answer?.request_id).toBe('req-3');
  });
});
