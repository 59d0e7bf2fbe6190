import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitUntil } from './wait-until';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('waitUntil', () => {
  it('resolves at the given time, not before', async () => {
    let done = false;
    void waitUntil(Date.now() + 2000, new AbortController().signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('resolves at once for a time already past', async () => {
    const wait = waitUntil(Date.now() - 10, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(0);
    await expect(wait).resolves.toBeUndefined();
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const wait = waitUntil(Date.now() + 2000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(wait).rejects.toThrow('cancelled');
  });
});
