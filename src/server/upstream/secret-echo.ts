// The server's own Plaid secrets, as they could appear in an answer, so that an answer carrying one
// is refused instead of passed on. A gateway or debugging proxy at PLAID_*_URL that echoes the
// request it received (the PLAID-SECRET header included) would otherwise hand the server's secret
// to whoever made the lookup.
//
// Only the server's secrets are searched for. A secret the request brought is the user's own: it
// was typed into this very request, and the answer goes back to that user alone (institution
// answers shared between requests are keyed by a hash of the credentials, so only a caller holding
// the same secret ever gets one), so an echo of it tells nobody anything new.
//
// The search is over raw bytes with Buffer.indexOf: for two secrets, measured on Node 20 here,
// ~0.7 ms for a 1 MB answer and ~7 ms for 20 MB, against ~20 ms and ~340 ms to decode and parse
// the same answers, which every lookup does anyway. Plaid's secrets are 30 hexadecimal characters, which no JSON encoder
// escapes, so the raw form is found whether the echo is raw or inside a JSON string. Configuration
// accepts any printable ASCII, though, so for a secret holding characters that JSON encoders do
// escape, the escaped forms are searched too: `"` and `\` as JSON.stringify writes them, and `/`
// also as `\/` (PHP's json_encode). Other spellings (every character as \u00XX) are not searched:
// no common encoder writes ASCII that way.
export type SecretPatterns = readonly Buffer[];

export function secretPatterns(secrets: readonly (string | undefined)[]): SecretPatterns {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined) continue;
    const escaped = JSON.stringify(secret).slice(1, -1);
    forms.add(secret);
    forms.add(escaped);
    forms.add(escaped.replaceAll('/', '\\/'));
  }
  return [...forms].map((form) => Buffer.from(form, 'utf8'));
}

export function containsSecret(bytes: Uint8Array, patterns: SecretPatterns): boolean {
  // A view on the same memory: nothing is copied.
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return patterns.some((pattern) => haystack.indexOf(pattern) !== -1);
}
