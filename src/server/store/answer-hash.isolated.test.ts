import { createHash, hash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { answerHash, answerHashes } from './answer-hash';

// node:crypto as it is, its hash() counted.
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return { ...crypto, hash: vi.fn(crypto.hash) };
});

const bytes = (text: string) => new TextEncoder().encode(text);
const hashOf = (text: string) => answerHash(bytes(text));

describe("an answer's hash", () => {
  it('is alike whatever the request_ids, wherever they are and however they are spaced', () => {
    const answer = '{"a":1,"events":[{"request_id":"e1"},{"request_id":"e2"}],"request_id":"r1"}';
    expect(hashOf('{"a":1,"events":[{"request_id" : "x"},{"request_id":\n"y"}],"request_id":"r2"}')).toBe(
      hashOf(answer),
    );
    expect(hashOf(answer.replace('"a":1', '"a":2'))).not.toBe(hashOf(answer));
    // A request_id with an escape in it is not cut out (Plaid's are letters and digits).
    expect(hashOf('{"request_id":"r\\"1"}')).not.toBe(hashOf('{"request_id":"r\\"2"}'));
  });

  it("is the SHA-256 of the bytes without the request_id pairs, as the store's kept hashes are", () => {
    const answer = '{"name":"Café","request_id":"r1","events":[{"request_id" :"e1"}]}';
    const rest = Buffer.from('{"name":"Café",,"events":[{}]}');
    expect(hashOf(answer)).toBe(createHash('sha256').update(rest).digest('hex'));
  });
});

describe("each token's last hash", () => {
  // Every hash computed goes through node:crypto's hash(); an answer remembered is not hashed again.
  const hashesComputed = () => vi.mocked(hash).mock.calls.length;
  const answer = (requestId: string, a = 1) => bytes(`{"a":${a},"request_id":"${requestId}"}`);

  it('gives the hash of the answer, and hashes an answer only when it changed', () => {
    const hashes = answerHashes();
    const before = hashesComputed();
    for (const [requestId, a] of [
      ['r1', 1],
      ['r2', 1],
      ['r3', 2],
      ['r4', 1],
      ['r5', 1],
    ] as const)
      expect(hashes.of('link-sandbox-1', answer(requestId, a))).toBe(answerHash(answer('r0', a)));
    // r1, r3 (changed), r4 (changed back); each answerHash() above is one more.
    expect(hashesComputed() - before).toBe(3 + 5);
  });

  it('holds no more bytes than it is given, the tokens seen longest ago going first', () => {
    const size = '{"a":1,}'.length;
    const hashes = answerHashes(2 * size);
    for (const token of ['link-sandbox-1', 'link-sandbox-2', 'link-sandbox-3'])
      hashes.of(token, answer('r1'));
    const before = hashesComputed();
    hashes.of('link-sandbox-3', answer('r2'));
    hashes.of('link-sandbox-2', answer('r2'));
    expect(hashesComputed()).toBe(before);
    hashes.of('link-sandbox-1', answer('r2'));
    expect(hashesComputed()).toBe(before + 1);
    const large = bytes(`{"a":1,"pad":"${'x'.repeat(100)}"}`);
    hashes.of('link-sandbox-large', large);
    hashes.of('link-sandbox-large', large);
    expect(hashesComputed()).toBe(before + 3);
  });

  it('forgets the answers of deleted tokens', () => {
    const hashes = answerHashes();
    for (const token of ['link-sandbox-1', 'link-sandbox-2', 'link-sandbox-3'])
      hashes.of(token, answer('r1'));
    hashes.forget(['link-sandbox-1']);
    const before = hashesComputed();
    hashes.of('link-sandbox-2', answer('r2'));
    expect(hashesComputed()).toBe(before);
    hashes.of('link-sandbox-1', answer('r2'));
    expect(hashesComputed()).toBe(before + 1);
    hashes.forgetAll();
    hashes.of('link-sandbox-3', answer('r2'));
    expect(hashesComputed()).toBe(before + 2);
  });
});
