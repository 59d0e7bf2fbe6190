// What hono-rate-limiter's counting scripts can answer, checked before a count is believed. A
// negative or non-numeric count would otherwise read as "under the limit" (RedisStore turns it into
// a negative number or NaN), and the limits would be off without a word. An answer that is not one
// of these is treated as Redis failing: the count goes to memory and the outage is logged.
//
// - The decrement script answers nothing (null).
// - The get and increment scripts answer [count, milliseconds left in the window]: the count absent
//   (no such key: null), or a whole number of 0 or more, as an integer or as the digits GET
//   returns; a key that holds a count always has a window left (the increment script sets one).
export function checkCountReply(reply: unknown): unknown {
  if (reply === null) return reply;
  if (!Array.isArray(reply) || reply.length !== 2) {
    throw new Error('Redis answered a counting script with something other than [count, milliseconds left]');
  }
  const [count, msLeft] = reply as [unknown, unknown];
  if (count === null) return reply;
  if (!isCount(count)) throw new Error('Redis answered a count that is not a whole number of 0 or more');
  if (!(Number.isSafeInteger(msLeft) && (msLeft as number) > 0)) {
    throw new Error('Redis answered a count whose window is not a whole number of milliseconds above 0');
  }
  return reply;
}

function isCount(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
  return typeof value === 'string' && /^\d{1,15}$/.test(value);
}
