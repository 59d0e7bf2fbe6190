// The version of the diagnosis's rules (verdicts, headlines, the facts a row shows). The store keeps
// it beside each verdict it computed; bump it whenever a rule changes what `diagnose` says about an
// answer, and the server diagnoses every kept token again in the background (store/history.ts).
// 2: a bank outage waits for the bank, an ERROR event with no exit is the failure, exit statuses
// read from the steps reached, "Linked, but …" (issue 28).
// 3: micro-deposit and NO_*_ACCOUNTS errors are the end user's, naming the account subtypes.
// ITEM_LOGIN_REQUIRED's error_code_reason (consent expired, access revoked) explains it.
// Plaid's suggested_action, when sent, follows our next step (or replaces the docs pointer).
// 4: OAuth return failures (a session ending at OPEN_OAUTH, a restart within minutes, INVALID_FIELD
// about the return); every bank of a Multi-Item session; the newer steps (returning users, consent,
// Identity Verification, which ends done without an Item, Layer); products outside the token's
// countries and products narrowing the banks (issue 28 items 9, 10, 12, 13).
// Also in 4: no row repeats the one beside it: an abandoned session's "Why" adds to its exit status
// instead of restating it, INVALID_CREDENTIALS's "Why" leaves the lock-out warning to the next
// step, notes do not name again the failure the headline names (issue 28 item 4).
export const DIAGNOSIS_RULES_VERSION = 4;
