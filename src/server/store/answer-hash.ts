import { hash as digest } from 'node:crypto';

// Plaid gives every answer a new request_id: two answers are the same when all else is. Hashed
// from Plaid's bytes, without parsing them, so that an answer seen before costs no parse at all
// (request_id pairs are cut out wherever they are; the ones inside events change with the events).
const REQUEST_ID = /"request_id"\s*:\s*"[^"\\]*"/g;

export function answerHash(body: Uint8Array): string {
  // latin1 maps each byte to one character and back, so the hash is of the bytes themselves. One
  // call, with no Hash object. Finding the pairs with Buffer#indexOf and hashing the bytes around
  // them measured slower, by far for an answer with many events, whose every request_id the one
  // replace() cuts in a single pass (docs/benchmarks.md).
  const text = bytesOf(body).toString('latin1');
  return digest('sha256', Buffer.from(text.replace(REQUEST_ID, ''), 'latin1'), 'hex');
}

// The hash of each token's last answer, remembered with its bytes. A token looked up again and
// again gets the same answer but for its request_id, and comparing two answers' bytes costs a
// fraction of hashing one (docs/benchmarks.md, "Comparing bytes instead of hashing them"): every
// lookup needs the hash, to know whether its answer is new to the store.
export type AnswerHashes = {
  of(linkToken: string, body: Uint8Array): string;
  // The bytes of Plaid's answers are customer data: a token deleted from the store is forgotten here.
  forget(linkTokens: readonly string[]): void;
  forgetAll(): void;
};

// Enough for the answers of the tokens a team watches at once; larger answers are hashed each time
// rather than held in memory.
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_ANSWER_BYTES = 256 * 1024;

export function answerHashes(maxBytes = MAX_BYTES): AnswerHashes {
  const last = new Map<string, { body: Uint8Array; hash: string }>();
  let heldBytes = 0;

  function drop(linkToken: string): void {
    const held = last.get(linkToken);
    if (!held) return;
    last.delete(linkToken);
    heldBytes -= held.body.byteLength;
  }

  return {
    of(linkToken, body) {
      const held = last.get(linkToken);
      if (held && sameApartFromRequestIds(held.body, body)) return held.hash;
      const hash = answerHash(body);
      drop(linkToken);
      if (body.byteLength <= Math.min(MAX_ANSWER_BYTES, maxBytes)) {
        last.set(linkToken, { body, hash });
        heldBytes += body.byteLength;
        // The tokens whose answers changed longest ago go first.
        while (heldBytes > maxBytes) drop(last.keys().next().value!);
      }
      return hash;
    },
    forget(linkTokens) {
      for (const linkToken of linkTokens) drop(linkToken);
    },
    forgetAll() {
      last.clear();
      heldBytes = 0;
    },
  };
}

// Whether two answers' bytes are the same once REQUEST_ID's pairs are cut out of both, as their
// hashes would say, compared in place. The pairs found are a subset of what REQUEST_ID cuts (JSON's
// whitespace only, where \s takes more), and the bytes between them are compared in the same order:
// true only when the hashes are equal, and a false is only ever a hash more.
export function sameApartFromRequestIds(a: Uint8Array, b: Uint8Array): boolean {
  const left = bytesOf(a);
  const right = bytesOf(b);
  let fromLeft = 0;
  let fromRight = 0;
  for (;;) {
    const pairLeft = nextPair(left, fromLeft);
    const pairRight = nextPair(right, fromRight);
    if (pairLeft - fromLeft !== pairRight - fromRight) return false;
    if (left.compare(right, fromRight, pairRight, fromLeft, pairLeft) !== 0) return false;
    if (pairLeft === left.length || pairRight === right.length)
      return pairLeft === left.length && pairRight === right.length;
    fromLeft = pairEnd(left, pairLeft);
    fromRight = pairEnd(right, pairRight);
  }
}

const KEY = Buffer.from('"request_id"');
const COLON = 0x3a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

// Where the next request_id pair starts, or the end of the bytes.
function nextPair(bytes: Buffer, from: number): number {
  for (let at = bytes.indexOf(KEY, from); at !== -1; at = bytes.indexOf(KEY, at + 1)) {
    if (pairEnd(bytes, at) !== -1) return at;
  }
  return bytes.length;
}

// Where the pair whose key is at `at` ends, or -1 if the bytes there are not such a pair.
function pairEnd(bytes: Buffer, at: number): number {
  let index = at + KEY.length;
  while (isSpace(bytes[index])) index += 1;
  if (bytes[index] !== COLON) return -1;
  index += 1;
  while (isSpace(bytes[index])) index += 1;
  if (bytes[index] !== QUOTE) return -1;
  for (index += 1; index < bytes.length; index += 1) {
    if (bytes[index] === QUOTE) return index + 1;
    if (bytes[index] === BACKSLASH) return -1;
  }
  return -1;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function bytesOf(body: Uint8Array): Buffer {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}
