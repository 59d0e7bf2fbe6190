// What the page asks of every paste before reading it: small, so that the entry chunk can hold it
// while the reader itself runs in a worker.

// A paste past this is not a session's logs but a whole log file: the page asks for the lines
// around the session instead of reading it (1 MB of logs takes the reader about half a second).
export const MAX_PASTED_LOG_CHARS = 1_000_000;

// Whether a paste is Link client logs rather than tokens: it names a field only Link's callbacks
// and webhooks use.
const LINK_LOG_FIELD = /link_?session_?id|"?event_?name"?\s*:|"webhook_type"\s*:\s*"LINK"/i;

export function looksLikeClientLogs(text: string): boolean {
  return LINK_LOG_FIELD.test(text);
}
