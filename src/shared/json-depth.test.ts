import { describe, expect, it } from 'vitest';
import { cutJsonDepth, exceedsJsonDepth, jsonPreview, MAX_JSON_DEPTH, TruncatedJson } from './json-depth';

// {"a":{"a":…{"a":1}…}} with `depth` objects, built without recursion.
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('exceedsJsonDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(exceedsJsonDepth('text', 0)).toBe(false);
    expect(exceedsJsonDepth({}, 0)).toBe(true);
    expect(exceedsJsonDepth({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(exceedsJsonDepth({ a: [1, { b: 2 }] }, 2)).toBe(true);
  });

  it('answers for values nested far deeper than the call stack allows', () => {
    expect(exceedsJsonDepth(nested(100_000), MAX_JSON_DEPTH)).toBe(true);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
  });
});

describe('cutJsonDepth', () => {
  it('returns a value within the depth as it is', () => {
    const value = { a: [1, { b: 'x' }], c: null };
    expect(cutJsonDepth(value, 3)).toBe(value);
  });

  it('replaces what lies deeper by the start of its JSON text', () => {
    expect(cutJsonDepth({ keep: 1, deep: { a: { b: [1, 2] } } }, 2)).toEqual({
      keep: 1,
      deep: { a: new TruncatedJson('{"b":[1,2]}') },
    });
  });

  it('cuts a value 100,000 levels deep at the depth asked for', () => {
    let level = cutJsonDepth(nested(100_000), MAX_JSON_DEPTH);
    for (let i = 0; i < MAX_JSON_DEPTH; i++) level = (level as { a: unknown }).a;
    expect(level).toBeInstanceOf(TruncatedJson);
    expect((level as TruncatedJson).text).toMatch(/^\{"a":\{"a":.*…$/);
  });
});

describe('jsonPreview', () => {
  it('writes JSON as JSON.stringify does when it fits', () => {
    const value = { s: 'x"y', n: -1.5, t: true, z: null, list: [1, [], {}], o: { k: 'v' } };
    expect(jsonPreview(value, 1000)).toBe(JSON.stringify(value));
  });

  it('stops after the characters asked for, however deep the value', () => {
    const preview = jsonPreview(nested(100_000), 20);
    expect(preview).toBe(`${'{"a":'.repeat(4)}…`);
  });
});
