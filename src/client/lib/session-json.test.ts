import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { sessionJson } from './session-json';

const KEY = 'link-token-inspector.test';
const kept = sessionJson(KEY, z.object({ tokens: z.array(z.string()) }));

afterEach(() => vi.restoreAllMocks());

describe('sessionJson', () => {
  it('reads back what it wrote', () => {
    kept.write({ tokens: ['link-sandbox-1'] });
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? '')).toEqual({ tokens: ['link-sandbox-1'] });
    expect(kept.read()).toEqual({ tokens: ['link-sandbox-1'] });
  });

  it('reads null when nothing was written', () => {
    expect(kept.read()).toBeNull();
  });

  it('reads null for text that is not JSON', () => {
    sessionStorage.setItem(KEY, '{"tokens": [');
    expect(kept.read()).toBeNull();
  });

  it('reads null for JSON its schema refuses (written by another version)', () => {
    sessionStorage.setItem(KEY, JSON.stringify({ tokens: 'link-sandbox-1' }));
    expect(kept.read()).toBeNull();
  });

  it('throws nothing when storage is full: the value is not kept', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(() => kept.write({ tokens: ['link-sandbox-1'] })).not.toThrow();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('throws nothing and reads null when storage is turned off', () => {
    const denied = () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(denied);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(denied);
    expect(() => kept.write({ tokens: ['link-sandbox-1'] })).not.toThrow();
    expect(kept.read()).toBeNull();
  });
});
