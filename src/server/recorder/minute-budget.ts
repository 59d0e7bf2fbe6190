// The recorder's polls per minute on this instance (RECORDER_MAX_PER_MINUTE): a fixed window that
// starts at its first poll, like the API's rate limit. Polls that find no room wait for the next
// window; the schedule tolerates a late poll.

export type MinuteBudget = {
  // Polls that may still start in the window holding `now`.
  room(now: Date): number;
  take(polls: number, now: Date): void;
  used(now: Date): number;
};

const WINDOW_MS = 60_000;

export function minuteBudget(maxPerMinute: number): MinuteBudget {
  let windowStart = -Infinity;
  let used = 0;
  const roll = (now: Date) => {
    if (now.getTime() - windowStart < WINDOW_MS) return;
    windowStart = now.getTime();
    used = 0;
  };
  return {
    room(now) {
      roll(now);
      return maxPerMinute - used;
    },
    take(polls, now) {
      roll(now);
      used += polls;
    },
    used(now) {
      roll(now);
      return used;
    },
  };
}
