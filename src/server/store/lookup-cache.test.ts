import { describe, expect, it } from 'vitest';
import type { KeptForLookup } from './kept-answers';
import { lookupCache } from './lookup-cache';

function kept(answerHash: string, sessionChars = 100): KeptForLookup {
  return { answerHash, hasSessions: sessionChars > 0, sessionChars, sessionsExcept: () => [] };
}

// A store read that counts how often the database would have been asked.
function counted(answer: KeptForLookup | undefined) {
  const reads = { count: 0 };
  return {
    reads,
    readStore: async () => {
      reads.count += 1;
      return answer;
    },
  };
}

describe('the lookup cache of an embedded store', () => {
  it('asks the store once for a token it holds and once for a token it does not', async () => {
    const cache = lookupCache();
    const held = counted(kept('a'));
    const unknown = counted(undefined);
    for (let i = 0; i < 3; i += 1) {
      expect(await cache.read('link-sandbox-held', held.readStore)).toMatchObject({ answerHash: 'a' });
      expect(await cache.read('link-sandbox-unknown', unknown.readStore)).toBeUndefined();
    }
    expect([held.reads.count, unknown.reads.count]).toEqual([1, 1]);
  });

  it('reads the store again after a write to the token, and only to that token', async () => {
    const cache = lookupCache();
    const first = counted(kept('a'));
    const other = counted(kept('b'));
    await cache.read('link-sandbox-1', first.readStore);
    await cache.read('link-sandbox-2', other.readStore);
    cache.forget(['link-sandbox-1']);
    const afterWrite = counted(kept('c'));
    expect(await cache.read('link-sandbox-1', afterWrite.readStore)).toMatchObject({ answerHash: 'c' });
    await cache.read('link-sandbox-2', other.readStore);
    expect([afterWrite.reads.count, other.reads.count]).toEqual([1, 1]);
  });

  it('does not remember a read that a write overtook', async () => {
    const cache = lookupCache();
    let finishRead: (value: KeptForLookup) => void = () => {};
    const slowRead = cache.read('link-sandbox-1', () => new Promise((resolve) => (finishRead = resolve)));
    // The write lands while the read is in flight; the read returns what it saw before it.
    cache.forget(['link-sandbox-1']);
    finishRead(kept('before the write'));
    expect(await slowRead).toMatchObject({ answerHash: 'before the write' });
    const next = counted(kept('after the write'));
    expect(await cache.read('link-sandbox-1', next.readStore)).toMatchObject({
      answerHash: 'after the write',
    });
    expect(next.reads.count).toBe(1);
  });

  it('shares one read among the lookups that want a token meanwhile, unless a write ended since', async () => {
    const cache = lookupCache();
    const finishes: ((value: KeptForLookup) => void)[] = [];
    let reads = 0;
    const slowStore = () => {
      reads += 1;
      return new Promise<KeptForLookup>((resolve) => finishes.push(resolve));
    };
    const first = cache.read('link-sandbox-1', slowStore);
    const second = cache.read('link-sandbox-1', slowStore);
    expect(reads).toBe(1);
    // After a write, a lookup does not take what the read begun before it will say.
    cache.forget(['link-sandbox-1']);
    const third = cache.read('link-sandbox-1', slowStore);
    expect(reads).toBe(2);
    finishes[0]!(kept('before the write'));
    finishes[1]!(kept('after the write'));
    expect(await first).toMatchObject({ answerHash: 'before the write' });
    expect(await second).toMatchObject({ answerHash: 'before the write' });
    expect(await third).toMatchObject({ answerHash: 'after the write' });
  });

  it('asks the store again after a read that failed, for every lookup that shared it', async () => {
    const cache = lookupCache();
    let fail: (error: Error) => void = () => {};
    const failing = () => new Promise<KeptForLookup>((_resolve, reject) => (fail = reject));
    const both = [cache.read('link-sandbox-1', failing), cache.read('link-sandbox-1', failing)];
    fail(new Error('the database is down'));
    for (const read of both) await expect(read).rejects.toThrow('the database is down');
    const next = counted(kept('a'));
    expect(await cache.read('link-sandbox-1', next.readStore)).toMatchObject({ answerHash: 'a' });
    // A store that throws at once fails the lookup's read, not the lookup's caller.
    await expect(
      cache.read('link-sandbox-2', () => {
        throw new Error('no connection');
      }),
    ).rejects.toThrow('no connection');
  });

  it('forgets everything after a purge, and holds no more than its bound, oldest use first', async () => {
    const cache = lookupCache(2);
    const reads = counted(kept('a'));
    await cache.read('link-sandbox-1', reads.readStore);
    await cache.read('link-sandbox-2', reads.readStore);
    await cache.read('link-sandbox-1', reads.readStore); // used again: token 2 is now the oldest
    await cache.read('link-sandbox-3', reads.readStore); // pushes token 2 out
    expect(reads.reads.count).toBe(3);
    await cache.read('link-sandbox-1', reads.readStore);
    expect(reads.reads.count).toBe(3);
    await cache.read('link-sandbox-2', reads.readStore);
    expect(reads.reads.count).toBe(4);
    cache.forgetAll();
    await cache.read('link-sandbox-3', reads.readStore);
    expect(reads.reads.count).toBe(5);
  });

  it('keeps a token looked up again and again the newest, however often it is hit', async () => {
    const cache = lookupCache(2);
    const reads = counted(kept('a'));
    await cache.read('link-sandbox-1', reads.readStore);
    await cache.read('link-sandbox-2', reads.readStore);
    for (let i = 0; i < 3; i += 1) await cache.read('link-sandbox-2', reads.readStore);
    cache.forget(['link-sandbox-2']);
    await cache.read('link-sandbox-2', reads.readStore); // read again, the newest once more
    await cache.read('link-sandbox-3', reads.readStore); // pushes token 1 out, the oldest
    expect(reads.reads.count).toBe(4);
    await cache.read('link-sandbox-2', reads.readStore);
    expect(reads.reads.count).toBe(4);
    await cache.read('link-sandbox-1', reads.readStore);
    expect(reads.reads.count).toBe(5);
  });

  it('reads a token with large kept sessions from the store every time', async () => {
    const cache = lookupCache();
    const large = counted(kept('a', 65 * 1024));
    await cache.read('link-sandbox-large', large.readStore);
    await cache.read('link-sandbox-large', large.readStore);
    expect(large.reads.count).toBe(2);
  });
});
