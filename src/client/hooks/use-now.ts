import { useEffect, useState } from 'react';

// A ticking clock: the current time in epoch milliseconds, refreshed every `intervalMs`, so that
// countdowns and "expired 2 h ago" stay true while the panel is on screen.
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
