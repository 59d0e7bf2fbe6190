import type { Context } from 'hono';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { KeptBeside, KeptSession } from '../../shared/schemas/kept';
import type { KeptForLookup } from '../store/kept-answers';
import type { Store } from '../store/store';
import type { PlaidOutcome } from '../upstream/plaid-client';

// What a lookup adds to Plaid's answer when the server has a store: the sessions kept for the token
// before this lookup, and whether this answer is being kept (the `kept` field, docs/api.md). Plaid's
// bytes are passed on unchanged, with the one field appended.

type Answered = Extract<PlaidOutcome, { ok: true }>;
// The answer with the `kept` field; not a promise when the store's read had ended before Plaid
// answered (almost always): the response then goes out without waiting for another turn.
export type KeptLookup = { besidePlaid(c: Context, outcome: Answered): Answered | Promise<Answered> };

// A store slower than this (from the lookup's start) does not hold up the lookup: its answer goes
// out without kept sessions.
const READ_DEADLINE_MS = 1_000;

// null: the store could not be read (in time); undefined: it does not know the token.
type Read = { known: KeptForLookup | undefined | null };

// Starts reading the store as the lookup starts, so the read runs while Plaid is asked. It has
// almost always ended when Plaid answers (most reads are remembered, lookup-cache.ts): only a read
// still running then is raced against the deadline, so a lookup sets no timer.
export function startKeptLookup(
  store: Store | undefined,
  publicUrl: string | undefined,
  lookup: { linkToken: string; environment: PlaidEnvironment },
): KeptLookup {
  if (!store) return { besidePlaid: (_c, outcome) => outcome };
  const deadline = performance.now() + READ_DEADLINE_MS;
  let read: Read | undefined;
  const reading = store.readForLookup(lookup.linkToken).then(
    (known): Read => (read = { known }),
    (): Read => (read = { known: null }),
  );

  const withKept = (c: Context, outcome: Answered, { known }: Read): Answered => {
    const sessions = known === null ? null : known ? sessionsPlaidLacks(known, outcome.body) : [];
    // Only Plaid's answers about the token are kept; its errors are not.
    // Spelled out rather than spread from `lookup`: a spread here cost more than the rest of the
    // lookup's store work (docs/benchmarks.md, "The store's cost per lookup, round two").
    const queued =
      outcome.status === 200 &&
      store.keep({
        linkToken: lookup.linkToken,
        environment: lookup.environment,
        body: outcome.body,
        source: 'lookup',
        seenBy: c.get('user'),
        lastKeptHash: known?.answerHash,
      });
    const kept: KeptBeside = {
      status: outcome.status !== 200 ? 'skipped' : queued ? 'queued' : 'not kept',
      sessions,
      permalink: keptPermalink(publicUrl, lookup.linkToken),
    };
    return { ...outcome, body: withField(outcome.body, 'kept', kept) };
  };

  return {
    besidePlaid(c, outcome) {
      if (read) return withKept(c, outcome, read);
      return beforeDeadline(reading, deadline).then((late) => withKept(c, outcome, late));
    },
  };
}

async function beforeDeadline(reading: Promise<Read>, deadline: number): Promise<Read> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Read>((resolve) => {
    timer = setTimeout(() => resolve({ known: null }), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([reading, late]);
  } finally {
    clearTimeout(timer);
  }
}

// The kept sessions Plaid's answer no longer has (dropped six hours after they ended): the ones it
// still has are in its answer, and sending them again would double a large token's answer on every
// lookup. Plaid's bytes are searched for session ids, not parsed, to keep the response path light;
// only the kept sessions it lacks are parsed. One search for every session id beats a search for
// each kept session's id, which takes a pass over the answer per session it lacks, and over a large
// answer per session it holds (docs/benchmarks.md, "The store's cost on the response path").
const SESSION_ID = /"link_session_id"\s*:\s*"([^"\\]*)"/g;

function sessionsPlaidLacks(kept: KeptForLookup, body: Uint8Array): KeptSession[] {
  if (!kept.hasSessions) return [];
  const text = decoder.decode(body);
  return kept.sessionsExcept(new Set(Array.from(text.matchAll(SESSION_ID), (match) => match[1]!)));
}

// The page that opens a kept answer without asking Plaid (relative when PUBLIC_URL is unset).
export function keptPermalink(publicUrl: string | undefined, linkToken: string): string {
  return `${publicUrl ?? ''}/?link_token=${encodeURIComponent(linkToken)}&kept=1`;
}

// Appends "name": value to a JSON object's bytes; anything but an object is returned as it was.
function withField(body: Uint8Array<ArrayBuffer>, name: string, value: unknown): Uint8Array<ArrayBuffer> {
  let end = body.length - 1;
  while (end >= 0 && isSpace(body[end])) end -= 1;
  let start = 0;
  while (start < body.length && isSpace(body[start])) start += 1;
  if (body[start] !== OPEN_BRACE || body[end] !== CLOSE_BRACE) return body;
  let inner = start + 1;
  while (inner < end && isSpace(body[inner])) inner += 1;
  const separator = inner === end ? '' : ',';
  const tail = `${separator}${JSON.stringify(name)}:${JSON.stringify(value)}}`;
  // Written straight into the new body rather than into bytes of its own first, and on Node's
  // buffer pool: a Uint8Array of its own costs a lookup four times as much (docs/benchmarks.md).
  const joined = Buffer.allocUnsafe(end + Buffer.byteLength(tail));
  joined.set(body.subarray(0, end), 0);
  joined.write(tail, end);
  return joined;
}

const decoder = new TextDecoder();
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
