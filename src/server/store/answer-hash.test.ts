import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerHash, answerHashes, sameApartFromRequestIds, type AnswerHashes } from './answer-hash';

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

describe('comparing two answers apart from their request_ids', () => {
  // Pairs of answers, each with what their hashes say: the comparison may only say "same" when the
  // hashes are equal.
  const pairs: [string, string][] = [
    ['{"a":1,"request_id":"r1"}', '{"a":1,"request_id":"r2-longer"}'],
    ['{"a":1,"request_id":"r1"}', '{"a":2,"request_id":"r1"}'],
    [
      '{"e":[{"request_id":"x"},{"request_id":"y"}],"request_id":"z"}',
      '{"e":[{"request_id":"1"},{"request_id":"2"}],"request_id":"3"}',
    ],
    [
      '{"e":[{"request_id":"x"}],"request_id":"z"}',
      '{"e":[{"request_id":"x"},{"request_id":"y"}],"request_id":"z"}',
    ],
    ['{"request_id":"r1","a":1}', '{"a":1,"request_id":"r1"}'],
    ['{"request_id" :\t"r1"}', '{"request_id":"r2"}'],
    ['{"request_id":"r\\"1"}', '{"request_id":"r\\"2"}'],
    ['{"request_id":null}', '{"request_id":null}'],
    ['{"request_id":null}', '{"request_id":"r1"}'],
    ['{"x":"request_id","request_id":"r1"}', '{"x":"request_id","request_id":"r2"}'],
    ['{"a":"\\"request_id\\":\\"r\\""}', '{"a":"\\"request_id\\":\\"s\\""}'],
    ['{"request_id":"unterminated', '{"request_id":"unterminated'],
    ['', ''],
  ];

  it.each(pairs)('says %s and %s are the same exactly when their hashes are equal', (a, b) => {
    expect(sameApartFromRequestIds(bytes(a), bytes(b))).toBe(hashOf(a) === hashOf(b));
    expect(sameApartFromRequestIds(bytes(b), bytes(a))).toBe(hashOf(a) === hashOf(b));
  });

  it('says answers whose request_ids sit in different places differ, which costs only a hash', () => {
    // The regex cuts both to {"a":1,} yet the pairs are not where each other's are.
    const a = '{"a":1,"request_id":"r1"}';
    const b = '{"a":1,"request_id":"r1","request_id":"r2"}';
    expect(hashOf(a)).not.toBe(hashOf(b));
    expect(sameApartFromRequestIds(bytes(a), bytes(b))).toBe(false);
  });

  it('reads views into larger buffers at their own offsets', () => {
    const whole = bytes('xx{"a":1,"request_id":"r1"}yy');
    const view = whole.subarray(2, whole.length - 2);
    expect(sameApartFromRequestIds(view, bytes('{"a":1,"request_id":"r9"}'))).toBe(true);
    expect(sameApartFromRequestIds(view, bytes('{"a":2,"request_id":"r9"}'))).toBe(false);
  });
});

describe("each token's last hash", () => {
  it('gives the hash of the answer, whether it is held or not', () => {
    const hashes = answerHashes();
    const answers = ['{"a":1,"request_id":"r1"}', '{"a":1,"request_id":"r2"}', '{"a":2,"request_id":"r3"}'];
    for (const answer of [...answers, answers[0]!])
      expect(hashes.of('link-sandbox-1', bytes(answer))).toBe(hashOf(answer));
    expect(hashes.of('link-sandbox-2', bytes(answers[0]!))).toBe(hashOf(answers[0]!));
  });

  // Whether the token's answer is held: a held answer is compared with, not hashed again, so bytes
  // changed behind its back go unseen.
  function holds(hashes: AnswerHashes, linkToken: string, body: Uint8Array): boolean {
    const hash = answerHash(body);
    body.set(bytes('{"a":9'));
    return hashes.of(linkToken, body.slice()) === hash;
  }
  const answer = () => bytes('{"a":1,"request_id":"r1"}');
  function given(hashes: AnswerHashes, linkToken: string, body = answer()): Uint8Array {
    hashes.of(linkToken, body);
    return body;
  }

  it('holds no more bytes than it is given, the tokens seen longest ago going first', () => {
    const hashes = answerHashes(2 * answer().byteLength);
    const [one, , three] = ['link-sandbox-1', 'link-sandbox-2', 'link-sandbox-3'].map((t) =>
      given(hashes, t),
    );
    expect(holds(hashes, 'link-sandbox-1', one!)).toBe(false);
    expect(holds(hashes, 'link-sandbox-3', three!)).toBe(true);
    const large = given(hashes, 'link-sandbox-large', bytes(`{"a":1,"pad":"${'x'.repeat(100)}"}`));
    expect(holds(hashes, 'link-sandbox-large', large)).toBe(false);
  });

  it('forgets the answers of deleted tokens', () => {
    const hashes = answerHashes();
    const [one, two, three] = ['link-sandbox-1', 'link-sandbox-2', 'link-sandbox-3'].map((t) =>
      given(hashes, t),
    );
    hashes.forget(['link-sandbox-1']);
    expect(holds(hashes, 'link-sandbox-1', one!)).toBe(false);
    expect(holds(hashes, 'link-sandbox-2', two!)).toBe(true);
    hashes.forgetAll();
    expect(holds(hashes, 'link-sandbox-3', three!)).toBe(false);
  });
});
