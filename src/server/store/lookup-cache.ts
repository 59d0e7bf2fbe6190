import type { KeptForLookup } from './kept-answers';

// What lookups read from the store, remembered until the store writes that token. With PGlite one
// server process owns its DATA_DIR (data-dir-lock.ts), so every write to the kept tables goes
// through this process's Store, which tells the cache. With PostgreSQL another instance may write
// at any time: each write notifies every instance (kept-notifications.ts), which forgets the token
// when told, milliseconds after the commit; while an instance is not listening it reads the store.
//
// A lookup then costs no query when the token is unknown or its kept answer is unchanged, which is
// every repeated lookup: the store's cost per lookup (docs/benchmarks.md) was one query.

export type LookupCache = {
  // Reads through the cache: a read that a write overtook is returned but not remembered. Lookups of
  // a token while its read runs share that read.
  read(
    linkToken: string,
    readStore: () => Promise<KeptForLookup | undefined>,
  ): Promise<KeptForLookup | undefined>;
  // Once a write to a token's kept data is done: whatever was read before it, remembered or in
  // flight, is not remembered after it.
  forget(linkTokens: readonly string[]): void;
  forgetAll(): void;
};

// Enough for the tokens a team looks up in a day; the least recently used go first.
const MAX_ENTRIES = 5_000;
// A token with many large sessions is read again each time rather than held in memory.
const MAX_ENTRY_CHARS = 64 * 1024;

export function lookupCache(maxEntries = MAX_ENTRIES): LookupCache {
  const entries = new Map<string, KeptForLookup | null>();
  // Counts writes: a read that started before a write may hold what the write replaced.
  let writes = 0;
  // The token remembered last, which is the newest entry while it is held: a token looked up again
  // and again (a live watch) is not moved on each hit.
  let newest: string | undefined;
  // The reads running, each with the writes counted when it started: the lookups that want a token
  // meanwhile share its read (once its answer changes, a token looked up many times a second would
  // otherwise be read by each of them) unless a write has ended since it started.
  const reading = new Map<string, { writes: number; read: Promise<KeptForLookup | undefined> }>();

  function remember(linkToken: string, kept: KeptForLookup | null): void {
    entries.delete(linkToken);
    entries.set(linkToken, kept);
    newest = linkToken;
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  return {
    read(linkToken, readStore) {
      // null: remembered as not held by the store.
      const remembered = entries.get(linkToken);
      if (remembered !== undefined) {
        // Map keeps insertion order: moving a hit to the end keeps the oldest entry first.
        if (linkToken !== newest) remember(linkToken, remembered);
        return Promise.resolve(remembered ?? undefined);
      }
      const running = reading.get(linkToken);
      if (running?.writes === writes) return running.read;
      const writesBefore = writes;
      const read = new Promise<KeptForLookup | undefined>((resolve) => resolve(readStore())).then((kept) => {
        if (writes === writesBefore && (kept?.sessionChars ?? 0) <= MAX_ENTRY_CHARS)
          remember(linkToken, kept ?? null);
        return kept;
      });
      reading.set(linkToken, { writes: writesBefore, read });
      const settled = () => {
        if (reading.get(linkToken)?.read === read) reading.delete(linkToken);
      };
      read.then(settled, settled);
      return read;
    },
    forget(linkTokens) {
      writes += 1;
      for (const linkToken of linkTokens) entries.delete(linkToken);
    },
    forgetAll() {
      writes += 1;
      entries.clear();
    },
  };
}
