// Live watch's timing, apart from its rules (live-watch.ts), which load with the first answer: the
// entry chunk holds only this.

// How often live watch asks again. Plaid's sessions move at human speed (a user typing
// credentials), so a few seconds shows each step without hammering the API.
export const WATCH_INTERVAL_MS = 3000;

export type WatchVerdict = { keepWatching: true; reason: string } | { keepWatching: false; reason: string };
