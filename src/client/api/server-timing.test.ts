import { describe, expect, it } from 'vitest';
import { parseServerTiming } from './server-timing';

describe('parseServerTiming', () => {
  it("reads Plaid's time and ours (the total less Plaid's) from the proxy's header", () => {
    expect(parseServerTiming('upstream;dur=412.3,total;dur=415.4;desc="Total Response Time"')).toEqual({
      upstreamMs: 412.3,
      proxyMs: expect.closeTo(3.1, 5),
    });
  });

  it('takes the whole total as ours when Plaid was not asked (a refusal)', () => {
    expect(parseServerTiming('total;dur=0.8;desc="Total Response Time"')).toEqual({
      upstreamMs: null,
      proxyMs: 0.8,
    });
  });

  it('has nothing to say without the header or its metrics', () => {
    expect(parseServerTiming(null)).toBeNull();
    expect(parseServerTiming('cache;desc="hit"')).toBeNull();
  });
});
