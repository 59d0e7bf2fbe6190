// UPSTREAM_MAX_BYTES_IN_FLIGHT: UPSTREAM_MAX_BYTES bounds one answer from Plaid, this bounds the
// bytes of all the answers being read at once (twelve concurrent 25 MB answers held 166 MB more).
// Each lookup counts its answer's bytes as they arrive; a lookup that would go past the limit,
// or that starts while the limit is reached, gets SERVER_BUSY instead.

// What a refused lookup is told to wait: answers are read in well under a second.
export const BUSY_RETRY_AFTER_SECONDS = 2;

export type BytesInFlight = {
  // Whether a lookup may start now.
  hasRoom(): boolean;
  // Counts bytes just read; false, counting nothing, when they would go past the limit.
  take(bytes: number): boolean;
  // Gives back what a finished lookup took.
  give(bytes: number): void;
  inUse(): number;
};

export function createBytesInFlight(maxBytes: number): BytesInFlight {
  let inUse = 0;
  return {
    hasRoom: () => inUse < maxBytes,
    take(bytes) {
      if (inUse + bytes > maxBytes) return false;
      inUse += bytes;
      return true;
    },
    give(bytes) {
      inUse -= bytes;
    },
    inUse: () => inUse,
  };
}
