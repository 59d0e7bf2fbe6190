import { hash as digest } from 'node:crypto';

// Plaid gives every answer a new request_id: two answers are the same when all else is. Hashed
// from Plaid's bytes, without parsing them, so that an answer seen before costs no parse at all
// (request_id pairs are cut out wherever they are; the ones inside events change with the events).
const REQUEST_ID = /"request_id"\s*:\s*"[^"\\]*"/g;

export function answerHash(body: Uint8Array): string {
  return hashOf(withoutRequestIds(body));
}

// latin1 maps each byte to one character and back, so the text is the bytes themselves. Finding the
// pairs with Buffer#indexOf and hashing or comparing the bytes around them measured slower, by far
// for an answer with many events, whose every request_id the one replace() cuts in a single pass
// (docs/benchmarks.md).
function withoutRequestIds(body: Uint8Array): string {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
    .toString('latin1')
    .replace(REQUEST_ID, '');
}

function hashOf(text: string): string {
  return digest('sha256', Buffer.from(text, 'latin1'), 'hex');
}

// The hash of each token's last answer, remembered with the answer's text. A token looked up again
// and again gets the same answer but for its request_id, and comparing the text with the last one
// costs a fraction of hashing it (docs/benchmarks.md, "The store's cost per lookup, round two"):
// every lookup needs the hash, to know whether its answer is new to the store.
export type AnswerHashes = {
  of(linkToken: string, body: Uint8Array): string;
  // Plaid's answers are customer data: a token deleted from the store is forgotten here too.
  forget(linkTokens: readonly string[]): void;
  forgetAll(): void;
};

// Enough for the answers of the tokens a team watches at once; larger answers are hashed each time
// rather than held in memory.
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_ANSWER_BYTES = 256 * 1024;

export function answerHashes(maxBytes = MAX_BYTES): AnswerHashes {
  // The text is latin1: one byte a character.
  const last = new Map<string, { text: string; hash: string }>();
  let heldBytes = 0;

  function drop(linkToken: string): void {
    const held = last.get(linkToken);
    if (!held) return;
    last.delete(linkToken);
    heldBytes -= held.text.length;
  }

  return {
    of(linkToken, body) {
      const text = withoutRequestIds(body);
      const held = last.get(linkToken);
      if (held?.text === text) return held.hash;
      const hash = hashOf(text);
      drop(linkToken);
      if (text.length <= Math.min(MAX_ANSWER_BYTES, maxBytes)) {
        last.set(linkToken, { text, hash });
        heldBytes += text.length;
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
